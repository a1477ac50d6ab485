/**
 * Pre-flight: which component would say no, computed while the person types. The manifest goes
 * through the same functions the run uses — kubectl's reading, kube-apiserver's gates, the
 * scheduler's cycle, the kubelet's sync — without the clock or the actors, so each problem is
 * marked where it is, named by the component and gate that would catch it, with the run's words.
 */
import { authenticate } from '../authn';
import { addSource, checkDocument, flattenLists, renderErrors, type ResourceInfo } from '../kubectl';
import { parseManifest, type Diagnostic } from '../manifest';
import { createRng } from '../random';
import type { KubeObject, ScenarioInput } from '../scenario';
import { unauthorizedStatus } from '../status';
import { throughApiserver } from './apiserver';
import { afterStored } from './node';
import { linesOf, rangeForPath } from './ranges';
import { diagnostic, type Gate, type Preflight, type PreflightOutcome, type Stop } from './types';

export type { Preflight, PreflightOutcome } from './types';
export { rangeForPath } from './ranges';

const READING: Gate = { source: 'kubectl', stage: 'reading the file', place: 'read-manifest' };
const stageOf = (g: Gate) => `${g.source} · ${g.stage}`;

const outcomeOf = (s: Stop): PreflightOutcome => {
  const line = s.diagnostics[0]?.range.startLine;
  return { verdict: s.verdict, stage: stageOf(s.gate), message: s.message, ...(line !== undefined ? { line } : {}) };
};

/** The first stop in journey order decides: an error (kubectl, kube-apiserver), else a stuck pod, else a failing one. */
function decide(stops: readonly Stop[], lastGate: Gate): PreflightOutcome {
  const first =
    stops.find((s) => s.verdict === 'rejected' || s.verdict === 'unreadable') ??
    stops.find((s) => s.verdict === 'unschedulable') ??
    stops.find((s) => s.verdict === 'failing');
  return first ? outcomeOf(first) : { verdict: 'runs', stage: stageOf(lastGate), message: 'Running on a node' };
}

export function preflight(input: ScenarioInput): Preflight {
  const text = input.manifest;
  const parsed = parseManifest(text, input.fileName);
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) =>
    d.source === 'kubectl' ? { ...d, stage: READING.stage, place: READING.place } : d,
  );
  const stopped = parsed.kubectlError ?? parsed.limitError;
  if (stopped !== undefined) {
    const line = diagnostics.find((d) => d.severity === 'error')?.range.startLine;
    const gate = parsed.kubectlError ? READING : { ...READING, source: 'simulator' as const };
    return {
      diagnostics,
      outcome: { verdict: 'unreadable', stage: stageOf(gate), message: stopped, ...(line ? { line } : {}) },
    };
  }

  const lines = linesOf(text);
  const rng = createRng(input.seed);
  const auth = authenticate(input.identity.credential, input.cluster);
  let cluster: readonly KubeObject[] = input.cluster;
  const stops: Stop[] = [];
  let lastGate: Gate = READING;

  for (const doc of flattenLists(parsed.documents)) {
    const checked = checkDocument(doc.value, input.fileName, input.identity.namespace);
    const kindLine = rangeForPath(doc, 'kind', text);
    if (!checked.ok) {
      const unsupported = 'unsupported' in checked;
      const message = 'stop' in checked ? checked.stop : 'error' in checked ? checked.error : checked.unsupported;
      const gate = unsupported ? { ...READING, source: 'simulator' as const } : READING;
      const d = diagnostic(gate, unsupported ? 'warning' : 'error', message, kindLine);
      stops.push({ verdict: 'unreadable', gate, message, diagnostics: [d] });
      diagnostics.push(d);
      if ('stop' in checked) break; // the stream ends at a schema error
      continue;
    }
    const info: ResourceInfo = checked.info;
    if (!auth.ok) {
      // the kubeconfig tab marks the credential; here only the outcome says where the journey ends
      const status = unauthorizedStatus();
      const message = renderErrors([
        addSource(status, input.command === 'apply' ? 'retrieving' : 'creating', info, input.fileName),
      ]);
      stops.push({
        verdict: 'rejected',
        gate: { source: 'kube-apiserver', stage: 'authentication (401)', place: 'authentication' },
        message,
        diagnostics: [],
      });
      break;
    }
    const ctx = { doc, lines, text, cluster, images: input.images };
    const api = throughApiserver(ctx, info, input, auth.user, rng);
    diagnostics.push(...api.warnings);
    if (api.stop) {
      stops.push(api.stop);
      diagnostics.push(...api.stop.diagnostics);
      continue;
    }
    if (!api.stored) {
      lastGate = { source: 'kube-apiserver', stage: 'patch of the existing object', place: 'handler' };
      continue;
    }
    cluster = [...cluster, api.stored];
    if (api.stored.kind !== 'Pod') continue;
    const after = afterStored(api.stored, { ...ctx, cluster }, rng);
    lastGate = { source: 'kubelet', stage: 'containers started', place: 'container' };
    if (after) {
      stops.push(after);
      diagnostics.push(...after.diagnostics);
    }
  }
  return { diagnostics, outcome: decide(stops, lastGate) };
}
