/** How a run ended, read off what is stored and what was printed. */
import type { Step, Trace } from '@sim';

interface PodLike {
  metadata?: { name?: string };
  spec?: { nodeName?: string };
  status?: {
    phase?: string;
    podIP?: string;
    reason?: string;
    conditions?: { type: string; status: string; reason?: string }[];
    containerStatuses?: { state?: { waiting?: { reason?: string } } }[];
  };
}

export function summarizeResult(
  stored: Readonly<Record<string, unknown>>,
  steps: readonly Step[],
  horizonReached: boolean,
): Trace['result'] {
  const duration = steps.at(-1)?.t ?? 0;
  const pods = Object.entries(stored)
    .filter(([k]) => k.startsWith('/registry/pods/'))
    .map(([, v]) => v as PodLike);
  // The pod(s) this run created are the ones the trace's steps are about.
  const keys = new Set(steps.map((s) => s.objectKey).filter((k): k is string => !!k?.startsWith('/registry/pods/')));
  const mine = pods.filter((p) =>
    keys.has(
      `/registry/pods/${(p as { metadata?: { namespace?: string } }).metadata?.namespace ?? 'default'}/${p.metadata?.name}`,
    ),
  );
  const pod = mine[0];
  if (!pod) {
    const err = [...(steps.at(-1)?.terminal ?? [])]
      .reverse()
      .find((l) => l.terminal === 'apply' && l.stream === 'stderr');
    return { outcome: 'rejected', summary: err?.text ?? 'The pod was not created.', horizonReached, duration };
  }
  const name = pod.metadata?.name ?? '';
  const phase = pod.status?.phase;
  if (phase === 'Running') {
    return {
      outcome: 'running',
      summary: `pod/${name} is Running on ${pod.spec?.nodeName} with IP ${pod.status?.podIP}`,
      horizonReached,
      duration,
    };
  }
  if (phase === 'Failed' || phase === 'Succeeded') {
    return {
      outcome: phase === 'Failed' ? 'failed' : 'running',
      summary: `pod/${name} is ${phase}${pod.status?.reason ? ` (${pod.status.reason})` : ''}`,
      horizonReached,
      duration,
    };
  }
  if (!pod.spec?.nodeName) {
    const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    return {
      outcome: 'pending',
      summary: `pod/${name} is Pending: not scheduled${cond?.reason ? ` (${cond.reason})` : ''}`,
      horizonReached,
      duration,
    };
  }
  const waiting = pod.status?.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting?.reason;
  return {
    outcome: 'waiting',
    summary: `pod/${name} is on ${pod.spec.nodeName}, waiting${waiting ? `: ${waiting}` : ''}`,
    horizonReached,
    duration,
  };
}
