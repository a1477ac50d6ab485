import { describe, expect, it } from 'vitest';
import { PRESETS } from '@scenarios';
import type { Trace } from '@sim';
import { runSource } from '../engine/engine';
import { escapeXml } from './svg';
import { PICTURE_WIDTH, stepPicture } from './stepPicture';

function traceOf(id: string): { trace: Trace; title: string } {
  const preset = PRESETS.find((p) => p.id === id)!;
  const run = runSource(preset.source);
  if (!run.ok) throw new Error(run.error);
  return { trace: run.trace, title: preset.title };
}

/**
 * A small well-formedness check: tags nest and close, attribute values are quoted with no `<` in them,
 * and text between tags has no `<` or bare `&`. Returns the element names in document order.
 */
function checkXml(doc: string): string[] {
  const body = doc.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const stack: string[] = [];
  const names: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < body.length) {
    const lt = body.indexOf('<', at);
    const textNode = body.slice(at, lt < 0 ? body.length : lt);
    expect(textNode).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`not a tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    const [, close, name, , selfClosing] = m;
    if (close) expect(stack.pop()).toBe(name);
    else {
      names.push(name!);
      if (!selfClosing) stack.push(name!);
    }
    at = tag.lastIndex;
  }
  expect(stack).toEqual([]);
  return names;
}

const viewBox = (svg: string) => /<svg [^>]*viewBox="([^"]*)"/.exec(svg)?.[1];

describe('stepPicture', () => {
  const happy = traceOf('happy-path');

  it('draws the first step: the cluster, the pod card at kubectl and the caption', () => {
    const first = happy.trace.steps[0]!;
    const svg = stepPicture(happy.trace, 0, 'light', happy.title);
    const names = checkXml(svg);
    expect(names[0]).toBe('svg');
    expect(names).not.toContain('script');
    expect(viewBox(svg)).toBe(`0 0 ${PICTURE_WIDTH} 763`);
    expect(svg).toContain('<title>Pod Journey: Happy path. Step 1 of 60: Read pod.yaml: 1 object</title>');
    expect(svg).toContain(`>${escapeXml(first.title)}</text>`);
    expect(svg).toContain(`>${escapeXml(first.narration.summary)}</text>`);
    expect(svg).toContain('>Step 1 of 60</text>');
    expect(svg).toContain('>$ kubectl apply -f pod.yaml</text>');
    expect(svg).toContain('<g data-pod-at="kubectl">');
    expect(svg).toContain('>not created yet</text>');
    // Every component, and a kubelet for each node.
    for (const id of ['kubectl', 'kubectl-watch', 'kube-apiserver', 'etcd', 'kube-scheduler'])
      expect(svg).toContain(`<g data-component="${id}">`);
    for (const n of happy.trace.nodes) expect(svg).toContain(`<g data-component="kubelet:${n.name}">`);
    // No outcome mark for a step that did not fail.
    expect(svg).not.toContain('✕ Failed');
  });

  it('refers to nothing outside itself and inlines the theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      const svg = stepPicture(happy.trace, 30, theme, happy.title);
      expect(svg).not.toMatch(/href|url\(|<image|<foreignObject|<script|@import|<style/i);
      expect(svg).toContain(
        `<rect width="960" height="${/height="(\d+)"/.exec(svg)?.[1]}" fill="${theme === 'dark' ? '#131920' : '#ffffff'}"/>`,
      );
      expect(svg).toContain('font-family="system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto');
    }
  });

  it('draws a failing step: the mark and word, the response in flight, the active gate', () => {
    const { trace, title } = traceOf('podsecurity-restricted');
    const index = trace.steps.findIndex((s) => s.outcome === 'fail');
    const step = trace.steps[index]!;
    expect(step.title).toBe('403 Forbidden: PodSecurity');
    const svg = stepPicture(trace, index, 'dark', title);
    checkXml(svg);
    expect(viewBox(svg)).toBe(`0 0 ${PICTURE_WIDTH} 763`);
    expect(svg).toContain('>✕ Failed</text>');
    expect(svg).toContain('>403 Forbidden: PodSecurity</text>');
    expect(svg).toContain(`>Step ${index + 1} of ${trace.steps.length}</text>`);
    expect(svg).toContain('<g data-packet="kube-apiserver&gt;kubectl">');
    expect(svg).toContain('>✕ 403</text>');
    expect(svg).toContain('<g data-pod-at="kube-apiserver">');
    // The active component glows; the failed gate is filled and marked.
    const apiserver = svg.slice(svg.indexOf('<g data-component="kube-apiserver">'));
    expect(apiserver.slice(0, 400)).toContain('stroke-width="8"');
    expect(apiserver).toMatch(/>validating admission<\/text><text [^>]*>✕<\/text>/);
  });

  it('ends the last step with the journey’s result, and clamps a step past the end', () => {
    const last = happy.trace.steps.length - 1;
    const svg = stepPicture(happy.trace, last + 10, 'light', happy.title);
    expect(svg).toBe(stepPicture(happy.trace, last, 'light', happy.title));
    expect(svg).toContain(`>Step ${last + 1} of ${last + 1}</text>`);
    expect(svg).toContain('>Result: Running. pod/example-pod is Running on worker-1 with IP 10.244.1.2</text>');
    expect(svg).toContain('>on worker-1 · 10.244.1.2</text>');
  });

  it('writes names from manifests as text: markup in them never becomes markup', () => {
    const hostile = '<script>alert(1)</script>';
    const trace: Trace = {
      ...happy.trace,
      nodes: happy.trace.nodes.map((n, i) => (i === 2 ? { ...n, name: `"><svg onload=alert(1)>` } : n)),
      steps: happy.trace.steps.map((s) => ({
        ...s,
        title: `${s.title} & ${hostile}`,
        narration: { ...s.narration, summary: `Pod ${hostile} </text><script>x</script>` },
        ...(s.objectKey?.startsWith('/registry/pods/') ? { objectKey: `/registry/pods/default/${hostile}` } : {}),
      })),
    };
    const svg = stepPicture(trace, 40, 'light', `Mine ${hostile}`);
    const names = checkXml(svg);
    expect(names).not.toContain('script');
    expect(svg).not.toContain('<script');
    expect(names.filter((n) => n === 'svg')).toHaveLength(1);
    expect(svg).not.toMatch(/\son\w+="/); // no event handler attribute
    expect(svg).toContain('Pod &lt;script&gt;alert(1)&lt;/script&gt; &lt;/text&gt;&lt;script&gt;x&lt;/script&gt;');
    // The pod card's name (the pod key's last segment up to its next slash).
    expect(svg).toMatch(/<g data-pod-at="kubelet:worker-1">.*>&lt;script&gt;alert\(1\)&lt;<\/text>/);
    expect(svg).toContain('<title>Pod Journey: Mine &lt;script&gt;alert(1)&lt;/script&gt;. Step 41 of 60: ');
    expect(svg).toContain('<g data-component="kubelet:&quot;&gt;&lt;svg onload=alert(1)&gt;">');
  });
});
