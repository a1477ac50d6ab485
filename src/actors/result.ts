/** How a run ended, read off what is stored and what was printed. */
import type { Pod } from 'kubernetes-types/core/v1';
import { podStatusColumn, type KubeObject, type Step, type Trace } from '@sim';

interface PodLike {
  metadata?: { name?: string };
  spec?: { nodeName?: string };
  status?: {
    phase?: string;
    podIP?: string;
    reason?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: {
      restartCount?: number;
      state?: { waiting?: { reason?: string; message?: string } };
      lastState?: { terminated?: { reason?: string; exitCode?: number } };
    }[];
  };
}

/**
 * What the person's own command printed: the apply terminal's lines from its first command up to the
 * next one (an administrator's intervention prints after it in the same terminal).
 */
function personsOutput(lines: readonly Step['terminal'][number][]): { stdout: string[]; stderr: string[] } {
  const apply = lines.filter((l) => l.terminal === 'apply');
  const first = apply.findIndex((l) => l.stream === 'command');
  const next = apply.findIndex((l, i) => i > first && l.stream === 'command');
  const mine = apply.slice(first + 1, next < 0 ? undefined : next);
  return {
    stdout: mine.filter((l) => l.stream === 'stdout').map((l) => l.text),
    stderr: mine.filter((l) => l.stream === 'stderr').map((l) => l.text),
  };
}

/** How the run ended, and — when the horizon cut a loop — what a real cluster would do next. */
export function summarizeResult(
  stored: Readonly<Record<string, unknown>>,
  steps: readonly Step[],
  horizonReached: boolean,
  initial: readonly KubeObject[] = [],
): Trace['result'] {
  const result = endOf(stored, steps, horizonReached, initial);
  const next = horizonReached ? [...steps].reverse().find((s) => s.horizonNote)?.horizonNote : undefined;
  return next ? { ...result, next } : result;
}

function endOf(
  stored: Readonly<Record<string, unknown>>,
  steps: readonly Step[],
  horizonReached: boolean,
  /** The cluster before Apply: a pod nobody wrote during the run is found here. */
  initial: readonly KubeObject[] = [],
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
  const output = personsOutput(steps.at(-1)?.terminal ?? []);
  // A re-apply that changed nothing touches no pod, but the pod it names is the journey's pod.
  const named = output.stdout
    .map((l) => /^pod\/(\S+) (?:unchanged|configured|created)$/.exec(l)?.[1])
    .find((n): n is string => n !== undefined);
  const before = initial.filter((o) => o.kind === 'Pod') as PodLike[];
  const pod = mine[0] ?? [...pods, ...before].find((p) => p.metadata?.name === named);
  if (!pod) {
    const summary = output.stderr.length ? output.stderr.join('\n') : 'The pod was not created.';
    return { outcome: 'rejected', summary, horizonReached, duration };
  }
  const name = pod.metadata?.name ?? '';
  const phase = pod.status?.phase;
  const node = pod.spec?.nodeName;
  // The STATUS column kubectl would print names the real reason (CrashLoopBackOff, Init:0/1, ...).
  const column = podStatusColumn(pod as Pod);
  const done = (outcome: Trace['result']['outcome'], summary: string): Trace['result'] => ({
    outcome,
    summary,
    horizonReached,
    duration,
  });
  if (phase === 'Running' && column === 'Running') {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    return ready?.status === 'True'
      ? done('running', `pod/${name} is Running on ${node} with IP ${pod.status?.podIP}`)
      : done('waiting', `pod/${name} is Running on ${node} but not Ready: ${ready?.message ?? ready?.reason ?? ''}`);
  }
  if (phase === 'Succeeded') return done('running', `pod/${name} is Completed on ${node} (phase Succeeded)`);
  if (phase === 'Failed')
    return done(
      'failed',
      `pod/${name} is ${column} (phase Failed${pod.status?.reason ? `, reason ${pod.status.reason}` : ''})`,
    );
  if (!node) {
    const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    return done('pending', `pod/${name} is Pending: not scheduled${cond?.reason ? ` (${cond.reason})` : ''}`);
  }
  const statuses = pod.status?.containerStatuses ?? [];
  const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const last = statuses.find((c) => c.lastState?.terminated)?.lastState?.terminated;
  const waiting = statuses.find((c) => c.state?.waiting?.reason === column)?.state?.waiting;
  // A container that has restarted is crash-looping whatever the STATUS says at this instant.
  const detail =
    restarts > 0 && last
      ? `, crash-looping: restarted ${restarts} time${restarts === 1 ? '' : 's'} (last exit: ${last.reason}, code ${last.exitCode})`
      : waiting?.message
        ? `: ${waiting.message}`
        : '';
  return done('waiting', `pod/${name} on ${node} is ${column}${detail}`);
}
