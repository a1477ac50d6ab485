/**
 * Field selectors on pods, as list and watch requests use them (`spec.nodeName=worker-1`,
 * `status.phase!=Succeeded,status.phase!=Failed`). Parsing follows apimachinery@v0.33.0
 * pkg/fields/selector.go ParseSelector (terms joined by `,`, operators `=`, `==`, `!=`, `\` escapes);
 * the fields a pod offers are k/k pkg/registry/core/pod/strategy.go PodToSelectableFields.
 */
import type { KubeObject } from './scenario';

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export type ParsedSelector = { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string };

/** Splits on unescaped separators, keeping escapes for the next stage (selector.go splitTerms). */
function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1];
      i++;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** selector.go ParseSelector. An empty selector matches everything. */
export function parseFieldSelector(selector: string): ParsedSelector {
  const requirements: FieldRequirement[] = [];
  if (selector.trim() === '') return { ok: true, requirements };
  for (const term of splitUnescaped(selector, ',')) {
    // selector.go splitTerm: the first unescaped operator, trying != before == before =
    const m = /^((?:[^\\!=]|\\.)*)(!=|==|=)(.*)$/.exec(term);
    if (!m) return { ok: false, error: `invalid selector: '${selector}'; can't understand '${term}'` };
    requirements.push({ field: unescape(m[1]!), operator: m[2] === '!=' ? '!=' : '=', value: unescape(m[3]!) });
  }
  return { ok: true, requirements };
}

/** PodToSelectableFields: the fields a pod can be selected by, with their string values. */
export function podSelectableFields(pod: KubeObject): Record<string, string> {
  const spec = (pod.spec ?? {}) as Record<string, unknown>;
  const status = (pod.status ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    'metadata.name': pod.metadata.name ?? '',
    'metadata.namespace': pod.metadata.namespace ?? '',
    'spec.nodeName': str(spec.nodeName),
    'spec.restartPolicy': str(spec.restartPolicy),
    'spec.schedulerName': str(spec.schedulerName),
    'spec.serviceAccountName': str(spec.serviceAccountName),
    'spec.hostNetwork': spec.hostNetwork === true ? 'true' : 'false',
    'status.phase': str(status.phase),
    'status.podIP': str(status.podIP),
    'status.nominatedNodeName': str(status.nominatedNodeName),
  };
}

/** Whether a field is selectable on pods (unknown fields are a 400 `field label not supported: <f>`). */
export function unsupportedPodField(requirements: readonly FieldRequirement[]): string | undefined {
  const known = podSelectableFields({ apiVersion: 'v1', kind: 'Pod', metadata: {} });
  return requirements.find((r) => !(r.field in known))?.field;
}

export function matchesFieldSelector(pod: KubeObject, requirements: readonly FieldRequirement[]): boolean {
  const fields = podSelectableFields(pod);
  return requirements.every((r) => ((fields[r.field] ?? '') === r.value) === (r.operator === '='));
}
