/**
 * How the pod card presents a STATUS value (the text itself is always shown; the tone only picks an
 * icon and colour). STATUS is the `kubectl get pods` column (k/k pkg/printers/internalversion
 * printers.go printPod), so anything that is not Running/Completed or a known waiting phase is a
 * problem reason (ErrImagePull, CrashLoopBackOff, CreateContainerConfigError, ...).
 */
export type StatusTone = 'draft' | 'waiting' | 'ok' | 'problem';

const WAITING = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'Terminating',
  'SchedulingGated',
  'NotReady',
]);

export function statusTone(status: string): StatusTone {
  if (status === 'manifest') return 'draft';
  if (status === 'Running' || status === 'Completed' || status === 'Succeeded') return 'ok';
  if (WAITING.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'waiting';
  return 'problem';
}
