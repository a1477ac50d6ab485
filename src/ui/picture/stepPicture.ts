/**
 * A picture of one step of a journey, as a standalone SVG document: for pages that allow no scripts
 * (a slide, a wiki, an issue). It draws what the stage shows at that step — the components, the wires,
 * the active component, the pod card and the messages in flight — and a caption with the step's
 * title and narration. Colours, fonts and text are all inline; the document references nothing.
 */
import type { ComponentId, Outcome, Packet, Step, Trace } from '@sim';
import type { Theme } from '../store/theme';
import { componentLabel, journeyPod, kubeletOf } from '../store/derive';
import { formatSimTime, OUTCOME_WORD, RESULT_WORD } from '../common/format';
import { pathData, pointAt, route, type Rect } from '../stage/geometry';
import { packetText, travelled, wireKey, wiresOf } from '../stage/wires';
import { statusTone } from '../stage/podStatus';
import { palette, type Palette, type Token } from './palette';
import { sceneOf, type BoxModel, type ChipBox, type Scene, type TextLine, type TextTone, type Zone } from './scene';
import { el, escapeXml, fit, round, text, textWidth, wrap } from './svg';

/** The picture's width; its height follows from the cluster and the caption. */
export const PICTURE_WIDTH = 960;
const PAD = 16;
const HEADER = 44;
/** How far along its wire a message is drawn: past the middle, so its direction shows. */
const IN_FLIGHT = 0.6;

const KIND_TOKEN: Record<BoxModel['kind'], Token> = {
  kubectl: '--c-kubectl',
  apiserver: '--c-apiserver',
  etcd: '--c-etcd',
  scheduler: '--c-scheduler',
  kubelet: '--c-kubelet',
};
const TONE_TOKEN: Record<TextTone, Token> = {
  text: '--text',
  muted: '--text-muted',
  faint: '--text-faint',
  k8s: '--k8s-text',
};
const MARK: Partial<Record<Outcome, { sign: string; token: Token }>> = {
  ok: { sign: '✓', token: '--ok' },
  fail: { sign: '✕', token: '--fail' },
  warn: { sign: '⚠', token: '--warn' },
};

interface Ctx {
  p: Palette;
  scene: Scene;
}

const line = ({ p }: Ctx, l: TextLine) =>
  text(
    {
      x: l.x,
      y: l.y,
      'font-size': l.size,
      'font-family': l.face === 'mono' ? p['--font-mono'] : undefined,
      'font-weight': l.bold ? 600 : undefined,
      'text-anchor': l.anchor === 'end' ? 'end' : undefined,
      fill: p[TONE_TOKEN[l.tone]],
    },
    l.text,
  );

function zone({ p }: Ctx, z: Zone): string {
  const style: Record<Zone['kind'], { fill: string; stroke: string; dash?: string; label: string }> = {
    you: { fill: 'none', stroke: p['--border'], dash: '4 3', label: p['--text-muted'] },
    'control-plane': { fill: p['--k8s-soft'], stroke: p['--k8s-border'], label: p['--k8s-text'] },
    nodes: { fill: p['--surface-2'], stroke: p['--border'], label: p['--text-muted'] },
  };
  const s = style[z.kind];
  const label = z.label.toUpperCase();
  const labelW = textWidth(label, 10.5) + 1.2 * label.length + 12;
  return [
    el('rect', { ...rectAttrs(z.rect), rx: 10, fill: s.fill, stroke: s.stroke, 'stroke-dasharray': s.dash }),
    el('rect', { x: z.rect.x + 10, y: z.rect.y - 8, width: labelW, height: 16, rx: 4, fill: p['--surface'] }),
    text(
      {
        x: z.rect.x + 16,
        y: z.rect.y + 4,
        'font-size': 10.5,
        'font-weight': 600,
        'letter-spacing': 1.2,
        fill: s.label,
      },
      label,
    ),
  ].join('');
}

const rectAttrs = (r: Rect) => ({ x: r.x, y: r.y, width: r.w, height: r.h });

function chip(ctx: Ctx, c: ChipBox, kind: string): string {
  const { p } = ctx;
  const mark = c.mark ? MARK[c.mark] : undefined;
  const fg = c.active ? p['--on-kind'] : mark ? p['--text'] : p['--text-muted'];
  const parts = [
    el('rect', {
      ...rectAttrs(c.rect),
      rx: c.rect.h / 2,
      fill: c.active ? kind : p['--surface-2'],
      stroke: c.active ? kind : p['--border'],
    }),
  ];
  let x = c.rect.x + 6;
  const y = c.rect.y + 12.5;
  if (c.number !== undefined) {
    parts.push(
      text({ x, y, 'font-size': 10, 'font-weight': 600, fill: c.active ? fg : p['--text-faint'] }, String(c.number)),
    );
    x += 9;
  }
  parts.push(text({ x, y, 'font-size': c.size, fill: fg }, c.label));
  if (mark) {
    // In the room kept for it at the chip's end, so an estimated label width cannot push it out.
    const mx = c.rect.x + c.rect.w - 5;
    parts.push(
      text(
        {
          x: mx,
          y,
          'text-anchor': 'end',
          'font-size': c.size,
          'font-weight': 600,
          fill: c.active ? fg : p[mark.token],
        },
        mark.sign,
      ),
    );
  }
  return parts.join('');
}

function box(ctx: Ctx, b: BoxModel): string {
  const { p } = ctx;
  const kind = p[KIND_TOKEN[b.kind]];
  const { x, y, w, h } = b.rect;
  // The active box's glow: a wide translucent ring under a thin solid one, as on the stage.
  const ring = { x: x - 4, y: y - 4, width: w + 8, height: h + 8, rx: 11, fill: 'none', stroke: kind };
  const glow = b.active
    ? el('rect', { ...ring, 'stroke-opacity': 0.3, 'stroke-width': 8 }) + el('rect', { ...ring, 'stroke-width': 2 })
    : '';
  // The kind's colour along the top edge, as the stage's 3px top border.
  const [l, r, t] = [round(x + 0.5), round(x + w - 0.5), round(y + 1.5)];
  const top = `M${l} ${y + 8}Q${l} ${t} ${round(x + 8)} ${t}H${round(x + w - 8)}Q${r} ${t} ${r} ${y + 8}`;
  return el(
    'g',
    { 'data-component': b.id },
    [
      glow,
      el('rect', { ...rectAttrs(b.rect), rx: 8, fill: p['--surface'], stroke: p['--border'] }),
      el('path', { d: top, fill: 'none', stroke: kind, 'stroke-width': 3 }),
      ...b.lines.map((l) => line(ctx, l)),
      ...b.chips.map((c) => chip(ctx, c, kind)),
    ].join(''),
  );
}

const boxRect = (scene: Scene, id: ComponentId) => scene.boxes.find((b) => b.id === id)?.rect;

const WIRE_TOKEN: Record<Packet['kind'], Token> = {
  request: '--k8s',
  response: '--k8s',
  watch: '--text-muted',
  etcd: '--c-etcd',
};

function wires(ctx: Ctx, pairs: [ComponentId, ComponentId][], packets: readonly Packet[]): string {
  const busy = new Map(packets.map((pk) => [wireKey(pk.from, pk.to), pk.kind]));
  return pairs
    .map(([a, b]) => {
      const ra = boxRect(ctx.scene, a);
      const rb = boxRect(ctx.scene, b);
      if (!ra || !rb) return '';
      const kind = busy.get(wireKey(a, b));
      return el('path', {
        d: pathData(route(ra, rb)),
        fill: 'none',
        stroke: kind ? ctx.p[WIRE_TOKEN[kind]] : ctx.p['--border-strong'],
        'stroke-width': kind ? 2.5 : 1.5,
        'stroke-dasharray': kind === 'watch' ? '5 4' : undefined,
      });
    })
    .join('');
}

function packetStyle(p: Palette, pk: Packet): { stroke: string; fill: string; color: string; dash?: string } {
  if (pk.kind === 'response' && pk.status !== undefined && pk.status >= 400)
    return { stroke: p['--fail'], fill: p['--fail-soft'], color: p['--fail'] };
  if (pk.kind === 'response') return { stroke: p['--ok'], fill: p['--ok-soft'], color: p['--ok'] };
  if (pk.kind === 'watch') return { stroke: p['--text-muted'], fill: p['--surface'], color: p['--text'], dash: '3 2' };
  if (pk.kind === 'etcd') return { stroke: p['--c-etcd'], fill: p['--surface'], color: p['--c-etcd'] };
  return { stroke: p['--k8s'], fill: p['--surface'], color: p['--k8s-text'] };
}

/** The step's messages on their wires; several on one wire are spread along it, as when they leave one after another. */
function packets(ctx: Ctx, list: readonly Packet[]): string {
  const lanes = new Map<string, number>();
  for (const pk of list) lanes.set(wireKey(pk.from, pk.to), (lanes.get(wireKey(pk.from, pk.to)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return list
    .map((pk) => {
      const from = boxRect(ctx.scene, pk.from);
      const to = boxRect(ctx.scene, pk.to);
      if (!from || !to) return '';
      const key = wireKey(pk.from, pk.to);
      const lane = seen.get(key) ?? 0;
      seen.set(key, lane + 1);
      const at = pointAt(route(from, to), travelled(IN_FLIGHT, lane, lanes.get(key) ?? 1));
      const label = packetText(pk);
      const w = textWidth(label, 11, 'mono') + 16;
      const s = packetStyle(ctx.p, pk);
      return el(
        'g',
        { 'data-packet': `${pk.from}>${pk.to}` },
        el('rect', {
          x: at.x - w / 2,
          y: at.y - 9,
          width: w,
          height: 18,
          rx: 9,
          fill: s.fill,
          stroke: s.stroke,
          'stroke-width': 1.5,
          'stroke-dasharray': s.dash,
        }) +
          text(
            {
              x: at.x,
              y: at.y + 4,
              'text-anchor': 'middle',
              'font-size': 11,
              'font-weight': 600,
              'font-family': ctx.p['--font-mono'],
              fill: s.color,
            },
            label,
          ),
      );
    })
    .join('');
}

/** The pod card's place: the dock of the component holding it, or the middle of a box without one. */
function cardRect(scene: Scene, at: ComponentId): Rect | undefined {
  const dock = scene.docks[at];
  if (dock) return dock;
  const b = boxRect(scene, at);
  const size = Object.values(scene.docks)[0];
  if (!b || !size) return undefined;
  return { x: b.x + (b.w - size.w) / 2, y: b.y + (b.h - size.h) / 2, w: size.w, h: size.h };
}

/** The pod as `kubectl get pods` would show it: name, STATUS and READY in words, then where it is bound. */
function podCard(ctx: Ctx, trace: Trace, step: Step): string {
  const { p } = ctx;
  const r = cardRect(ctx.scene, step.pod.at);
  if (!r) return '';
  const pod = step.pod;
  const tone = statusTone(pod.status);
  const name = journeyPod(trace)?.name ?? 'pod';
  const inner = r.w - 12;
  const mono = p['--font-mono'];
  const status =
    tone === 'draft'
      ? text({ x: r.x + 6, y: r.y + 32, 'font-size': 11, fill: p['--text-muted'] }, 'not created yet')
      : text(
          { x: r.x + 6, y: r.y + 32, 'font-size': 11, fill: p['--text'] },
          fit(
            `${tone === 'ok' ? '✓ ' : tone === 'problem' ? '✕ ' : ''}${pod.status}${pod.ready ? ` · ${pod.ready} ready` : ''}`,
            inner,
            11,
          ),
        );
  const where = pod.nodeName
    ? text(
        { x: r.x + 6, y: r.y + 45, 'font-size': 10.5, fill: p['--text-muted'] },
        fit(`on ${pod.nodeName}${pod.podIP ? ` · ${pod.podIP}` : ''}`, inner, 10.5),
      )
    : '';
  return el(
    'g',
    { 'data-pod-at': pod.at },
    [
      el('rect', {
        ...rectAttrs(r),
        rx: 8,
        fill: p['--pod-soft'],
        stroke: tone === 'problem' ? p['--fail'] : p['--pod'],
        'stroke-width': 1.5,
      }),
      el('path', {
        d: 'M8 1.5 14 5v6l-6 3.5L2 11V5z',
        transform: `translate(${round(r.x + 5)} ${round(r.y + 5)}) scale(0.75)`,
        fill: p['--pod'],
      }),
      text(
        { x: r.x + 20, y: r.y + 16, 'font-size': 12, 'font-weight': 600, 'font-family': mono, fill: p['--pod-text'] },
        fit(name, r.w - 26, 12, 'mono'),
      ),
      status,
      where,
    ].join(''),
  );
}

/** Under the stage: the step's outcome (sign and word), title, time and place, and the narration's summary. */
function caption(p: Palette, trace: Trace, step: Step, top: number, width: number): { svg: string; bottom: number } {
  const parts: string[] = [el('path', { d: `M${PAD} ${top}H${width - PAD}`, stroke: p['--border'] })];
  let y = top + 14;
  let x = PAD;
  const mark = step.outcome === 'fail' || step.outcome === 'warn' ? MARK[step.outcome] : undefined;
  if (mark) {
    const word = `${mark.sign} ${OUTCOME_WORD[step.outcome]}`;
    const w = textWidth(word, 12) * 1.1 + 18; // bold, and the sign is wider than a letter
    parts.push(
      el('rect', {
        x,
        y,
        width: w,
        height: 22,
        rx: 11,
        fill: step.outcome === 'fail' ? p['--fail-soft'] : p['--surface-2'],
        stroke: p[mark.token],
      }),
      text({ x: x + 7, y: y + 15.5, 'font-size': 12, 'font-weight': 600, fill: p[mark.token] }, word),
    );
    x += w + 8;
  }
  for (const l of wrap(step.title, width - PAD - x, 16, 2)) {
    parts.push(text({ x, y: y + 16, 'font-size': 16, 'font-weight': 600, fill: p['--text'] }, l));
    y += 22;
  }
  const meta = `${formatSimTime(step.t)} after Apply · ${componentLabel(step.component)} · ${step.place}`;
  parts.push(text({ x: PAD, y: y + 14, 'font-size': 12, fill: p['--text-muted'] }, fit(meta, width - 2 * PAD, 12)));
  y += 24;
  const notes = [step.narration.summary, ...(step.horizonNote ? [step.horizonNote] : [])];
  if (step.index === trace.steps.length - 1)
    notes.push(`Result: ${RESULT_WORD[trace.result.outcome]}. ${trace.result.summary}`);
  for (const note of notes) {
    for (const l of wrap(note, width - 2 * PAD, 14, 6)) {
      parts.push(text({ x: PAD, y: y + 15, 'font-size': 14, fill: p['--text'] }, l));
      y += 20;
    }
    y += 6;
  }
  return { svg: parts.join(''), bottom: y + PAD };
}

/** The SVG document of `trace` at step `index` (clamped to the trace) in `theme`, headed by the scenario's `title`. */
export function stepPicture(trace: Trace, index: number, theme: Theme, title: string): string {
  const p = palette(theme);
  const width = PICTURE_WIDTH;
  const count = trace.steps.length;
  const at = Math.min(Math.max(Math.trunc(index), 0), Math.max(count - 1, 0));
  const step = trace.steps[at];
  const scene = sceneOf(trace, at, width, HEADER);
  const ctx: Ctx = { p, scene };
  const counter = `Step ${count === 0 ? 0 : at + 1} of ${count}`;
  const cap = step ? caption(p, trace, step, scene.height + 8, width) : { svg: '', bottom: scene.height + PAD };
  const height = Math.ceil(cap.bottom);
  const label = `Pod Journey: ${title}. ${counter}${step ? `: ${step.title}` : ''}`;
  const body = [
    el('title', {}, escapeXml(label)),
    ...(step ? [el('desc', {}, escapeXml(step.narration.summary))] : []),
    el('rect', { width, height, fill: p['--surface'] }),
    text(
      { x: PAD, y: 28, 'font-size': 15, 'font-weight': 600, fill: p['--text'] },
      fit(`Pod Journey · ${title}`, width * 0.7, 15),
    ),
    text({ x: width - PAD, y: 28, 'font-size': 13, 'text-anchor': 'end', fill: p['--text-muted'] }, counter),
    ...scene.zones.map((z) => zone(ctx, z)),
    wires(ctx, wiresOf(trace.nodes, kubeletOf), step?.packets ?? []),
    ...scene.boxes.map((b) => box(ctx, b)),
    step ? podCard(ctx, trace, step) : '',
    packets(ctx, step?.packets ?? []),
    cap.svg,
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'font-family': p['--font-sans'],
    },
    body,
  )}\n`;
}
