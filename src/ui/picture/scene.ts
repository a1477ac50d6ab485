/**
 * Where everything sits in the picture of one step: the stage's zones (you, the control plane, the
 * nodes) and component boxes, each box's text, place chips and pod dock, in picture pixels.
 *
 * The live stage is laid out by CSS and measured (useStageLayout); a picture has no browser to lay it
 * out, so the same arrangement is computed here, with the spacings of stage.css, and text widths estimated.
 */
import type { ComponentId, Outcome, Place, Step, Trace, TraceNode } from '@sim';
import type { Rect } from '../stage/geometry';
import {
  APISERVER_GATES,
  APISERVER_SERVING,
  KUBELET_PLACES,
  RUNTIME_PLACES,
  SCHEDULER_PHASES,
  type PlaceChip,
} from '../stage/places';
import {
  componentKind,
  gateOutcomes,
  kubeletOf,
  latestStepOf,
  placeOutcomes,
  type ComponentKind,
} from '../store/derive';
import { fit, textWidth, wrap, type Face } from './svg';

export type TextTone = 'text' | 'muted' | 'faint' | 'k8s';

export interface TextLine {
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  size: number;
  face: Face;
  tone: TextTone;
  bold?: boolean;
  anchor?: 'start' | 'end';
}

export interface ChipBox {
  rect: Rect;
  label: string;
  /** The place's number in a pipeline (the order a request meets them). */
  number?: number;
  size: number;
  active: boolean;
  mark?: Outcome;
}

export interface BoxModel {
  id: ComponentId;
  kind: ComponentKind;
  rect: Rect;
  active: boolean;
  lines: TextLine[];
  chips: ChipBox[];
}

export interface Zone {
  kind: 'you' | 'control-plane' | 'nodes';
  label: string;
  rect: Rect;
}

export interface Scene {
  width: number;
  /** The bottom of the stage (the nodes zone's lower edge plus the canvas padding). */
  height: number;
  zones: Zone[];
  boxes: BoxModel[];
  /** Where the pod card sits in each component that has a place for it. */
  docks: Record<string, Rect>;
}

// The spacings of stage.css: .stage-canvas padding and gap, .zone padding, the rows' columns and gaps,
// .box padding (3px top border), .chip and .dock.
const CANVAS = { top: 13, x: 12, bottom: 10 };
const ZONE_GAP = 22;
const ZONE_PAD = { top: 13, x: 10, bottom: 9 };
const YOU = { box: 220, gap: 48 };
const CONTROL_PLANE = { columns: [1.05, 2.25, 1.2], gap: 22 };
const NODE_GAP = 12;
const BOX_PAD = { top: 11, x: 10, bottom: 10 };
const HEAD = 18;
const LINE = 17;
const CHIP = { h: 17, gap: 4, padX: 6, markRoom: 12, numberRoom: 9 };
// The picture's pod card is taller than the stage's (40px): it also names the node, as a third line.
const DOCK = { w: 160, h: 50, top: 8 };

interface Content {
  lines: TextLine[];
  chips: ChipBox[];
  dock?: Rect;
  bottom: number;
}

/** Writes a box's content top to bottom, starting under its head. */
class Column {
  readonly lines: TextLine[] = [];
  readonly chips: ChipBox[] = [];
  dock?: Rect;
  y: number;
  constructor(
    readonly x: number,
    top: number,
    readonly w: number,
  ) {
    this.y = top;
  }
  line(text: string, size: number, face: Face, tone: TextTone) {
    this.lines.push({ x: this.x, y: this.y + size + 2, text: fit(text, this.w, size, face), size, face, tone });
    this.y += LINE;
  }
  /** Several lines (up to `max`), as etcd's last key wraps in the stage. */
  wrapped(text: string, size: number, face: Face, tone: TextTone, max: number) {
    for (const l of wrap(text, this.w, size, max, face)) this.line(l, size, face, tone);
  }
  /** Chips flowing left to right, wrapping like the stage's flex rows; `lead` is a label before them. */
  chipRow(chips: readonly PlaceChip[], size: number, state: ChipState, lead?: string) {
    this.y += 5;
    let x = this.x;
    if (lead) {
      this.lines.push({ x, y: this.y + 13, text: lead, size: 11, face: 'sans', tone: 'muted', bold: true });
      x += textWidth(lead, 11) * 1.1 + 6; // bold is wider than the estimate
    }
    chips.forEach(({ place, label }, i) => {
      const number = state.pipeline ? i + 1 : undefined;
      const w = textWidth(label, size) + 2 * CHIP.padX + CHIP.markRoom + (number ? CHIP.numberRoom : 0);
      if (x > this.x && x + w > this.x + this.w) {
        x = this.x;
        this.y += CHIP.h + CHIP.gap;
      }
      const mark = state.marks[place];
      this.chips.push({
        rect: { x, y: this.y, w, h: CHIP.h },
        label,
        ...(number ? { number } : {}),
        size,
        active: state.active === place,
        ...(mark ? { mark } : {}),
      });
      x += w + CHIP.gap;
    });
    this.y += CHIP.h;
  }
  dockHere(fullWidth: boolean) {
    const w = fullWidth ? this.w : Math.min(DOCK.w, this.w);
    this.y += DOCK.top;
    this.dock = { x: this.x + (this.w - w) / 2, y: this.y, w, h: DOCK.h };
    this.y += DOCK.h;
  }
  done(): Content {
    return { lines: this.lines, chips: this.chips, ...(this.dock ? { dock: this.dock } : {}), bottom: this.y };
  }
}

interface ChipState {
  active: Place | undefined;
  marks: Partial<Record<Place, Outcome>>;
  pipeline?: boolean;
}

/** What the picture shows of the step: the boxes' live text and the chips' state come from here. */
interface Moment {
  step: Step | undefined;
  steps: readonly Step[];
  index: number;
  command: string;
}

const here = (m: Moment, id: ComponentId): Place | undefined => (m.step?.component === id ? m.step.place : undefined);

type Fill = (c: Column, m: Moment) => void;

const FILL: Record<'kubectl' | 'kubectl-watch' | 'kube-apiserver' | 'etcd' | 'kube-scheduler', Fill> = {
  kubectl: (c, m) => {
    c.line(`$ ${m.command}`, 11.5, 'mono', 'text');
    c.dockHere(false);
  },
  'kubectl-watch': (c, m) => {
    c.line('$ kubectl get pods -w', 11.5, 'mono', 'text');
    const last = m.step?.terminal.filter((l) => l.terminal === 'watch' && l.stream !== 'command').at(-1)?.text;
    c.line(last ?? 'waiting for the first event…', 11, 'mono', 'muted');
  },
  'kube-apiserver': (c, m) => {
    c.chipRow(APISERVER_GATES, 11, {
      active: here(m, 'kube-apiserver'),
      marks: gateOutcomes(m.steps, m.index),
      pipeline: true,
    });
    c.chipRow(APISERVER_SERVING, 11, { active: here(m, 'kube-apiserver'), marks: {} });
    c.dockHere(false);
  },
  etcd: (c, m) => {
    c.wrapped(latestStepOf(m.steps, m.index, 'etcd')?.title ?? '/registry/…', 11, 'mono', 'muted', 3);
    c.dockHere(false);
  },
  'kube-scheduler': (c, m) => {
    c.chipRow(SCHEDULER_PHASES, 11, {
      active: here(m, 'kube-scheduler'),
      marks: placeOutcomes(m.steps, m.index, 'kube-scheduler'),
      pipeline: true,
    });
    c.dockHere(false);
  },
};

const TITLES: Record<keyof typeof FILL, [title: string, subtitle: string]> = {
  kubectl: ['kubectl', 'your terminal'],
  'kubectl-watch': ['kubectl', 'second terminal'],
  'kube-apiserver': ['kube-apiserver', 'every request passes here'],
  etcd: ['etcd', 'key-value store'],
  'kube-scheduler': ['kube-scheduler', 'picks a node'],
};

/** The box's head: its title, and the subtitle at the right when it fits beside it. */
function head(x: number, y: number, w: number, title: string, subtitle: string, mono: boolean): TextLine[] {
  const face: Face = mono ? 'mono' : 'sans';
  const size = mono ? 12 : 13;
  const titleW = Math.min(textWidth(title, size, face), w * 0.6);
  const lines: TextLine[] = [
    { x, y: y + 13, text: fit(title, w * 0.6, size, face), size, face, tone: 'text', bold: true },
  ];
  const room = w - titleW - 8;
  if (room >= 30)
    lines.push({
      x: x + w,
      y: y + 13,
      text: fit(subtitle, room, 11, 'sans'),
      size: 11,
      face: 'sans',
      tone: 'muted',
      anchor: 'end',
    });
  return lines;
}

interface Built {
  model: BoxModel;
  dock?: Rect;
  bottom: number;
}

function build(
  id: ComponentId,
  rect: Rect,
  m: Moment,
  title: string,
  subtitle: string,
  fill: Fill,
  mono = false,
): Built {
  const inner = rect.w - 2 * BOX_PAD.x;
  const c = new Column(rect.x + BOX_PAD.x, rect.y + BOX_PAD.top + HEAD, inner);
  fill(c, m);
  const content = c.done();
  const model: BoxModel = {
    id,
    kind: componentKind(id),
    rect: { ...rect, h: content.bottom + BOX_PAD.bottom - rect.y },
    active: m.step?.component === id,
    lines: [...head(rect.x + BOX_PAD.x, rect.y + BOX_PAD.top, inner, title, subtitle, mono), ...content.lines],
    chips: content.chips,
  };
  return { model, ...(content.dock ? { dock: content.dock } : {}), bottom: content.bottom + BOX_PAD.bottom };
}

const nodeFill =
  (id: ComponentId, node: TraceNode): Fill =>
  (c, m) => {
    c.line(`${node.internalIP}  ${node.podCIDR}`, 11, 'mono', 'muted');
    const marks = placeOutcomes(m.steps, m.index, id);
    c.chipRow(KUBELET_PLACES, 10.5, { active: here(m, id), marks }, 'kubelet');
    c.chipRow(RUNTIME_PLACES, 10.5, { active: here(m, id), marks }, 'runtime');
    c.dockHere(true);
  };

/** A row of boxes stretched to the tallest, as the stage's grid rows do. */
function row(built: Built[], docks: Record<string, Rect>): BoxModel[] {
  const h = Math.max(...built.map((b) => b.model.rect.h));
  return built.map((b) => {
    if (b.dock) docks[b.model.id] = b.dock;
    return { ...b.model, rect: { ...b.model.rect, h } };
  });
}

/** The columns of a grid row: fractions of the width after the gaps. */
function columns(x: number, w: number, fractions: readonly number[], gap: number): { x: number; w: number }[] {
  const unit = (w - gap * (fractions.length - 1)) / fractions.reduce((a, b) => a + b, 0);
  let at = x;
  return fractions.map((f) => {
    const col = { x: at, w: f * unit };
    at += col.w + gap;
    return col;
  });
}

/** The stage of `trace` at step `index`, `width` pixels wide, from `top`. */
export function sceneOf(trace: Trace, index: number, width: number, top: number): Scene {
  const steps = trace.steps;
  const step = steps[index];
  const command =
    steps[0]?.terminal.find((l) => l.terminal === 'apply' && l.stream === 'command')?.text ?? 'kubectl apply';
  const m: Moment = { step, steps, index, command };
  const docks: Record<string, Rect> = {};
  const zones: Zone[] = [];
  const boxes: BoxModel[] = [];
  const zoneX = CANVAS.x;
  const zoneW = width - 2 * CANVAS.x;
  const innerX = zoneX + ZONE_PAD.x;
  const innerW = zoneW - 2 * ZONE_PAD.x;

  const zone = (kind: Zone['kind'], label: string, y: number, rowBoxes: BoxModel[]) => {
    const bottom = Math.max(...rowBoxes.map((b) => b.rect.y + b.rect.h), y + ZONE_PAD.top) + ZONE_PAD.bottom;
    zones.push({ kind, label, rect: { x: zoneX, y, w: zoneW, h: bottom - y } });
    boxes.push(...rowBoxes);
    return bottom + ZONE_GAP;
  };
  const fixed = (id: keyof typeof FILL, rect: Rect) => build(id, rect, m, ...TITLES[id], FILL[id]);

  let y = top + CANVAS.top;
  const youX = innerX + (innerW - 2 * YOU.box - YOU.gap) / 2;
  y = zone(
    'you',
    'You',
    y,
    row(
      [
        fixed('kubectl', { x: youX, y: y + ZONE_PAD.top, w: YOU.box, h: 0 }),
        fixed('kubectl-watch', { x: youX + YOU.box + YOU.gap, y: y + ZONE_PAD.top, w: YOU.box, h: 0 }),
      ],
      docks,
    ),
  );

  const [etcdCol, apiCol, schedCol] = columns(innerX, innerW, CONTROL_PLANE.columns, CONTROL_PLANE.gap);
  const cpY = y + ZONE_PAD.top;
  y = zone(
    'control-plane',
    'Control plane',
    y,
    row(
      [
        fixed('etcd', { ...etcdCol!, y: cpY, h: 0 }),
        fixed('kube-apiserver', { ...apiCol!, y: cpY, h: 0 }),
        fixed('kube-scheduler', { ...schedCol!, y: cpY, h: 0 }),
      ],
      docks,
    ),
  );

  const nodeY = y + ZONE_PAD.top;
  const nodeCols = columns(
    innerX,
    innerW,
    trace.nodes.map(() => 1),
    NODE_GAP,
  );
  const nodeBoxes = trace.nodes.map((n, i) => {
    const id = kubeletOf(n.name);
    return build(id, { ...nodeCols[i]!, y: nodeY, h: 0 }, m, n.name, n.role, nodeFill(id, n), true);
  });
  y = zone('nodes', 'Nodes', y, nodeBoxes.length > 0 ? row(nodeBoxes, docks) : []);

  return { width, height: y - ZONE_GAP + CANVAS.bottom, zones, boxes, docks };
}
