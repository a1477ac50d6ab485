// kube-scheduler as pure functions: the queue, the plugins, one scheduling cycle, and its messages.
export { schedulePod, type ScheduleOutcome } from './schedule';
export { buildSnapshot, podKey, type NodeInfo, type Snapshot } from './snapshot';
export { FILTER_PLUGINS, insufficientResources, type FilterPlugin, type InsufficientResource } from './filters';
export { eventsOf, firedHints, type ClusterChange, type EventLabel, type FiredHint } from './hints';
export { SCORE_PLUGINS, defaultNormalizeScore, leastRequestedScore, type ScorePlugin } from './scores';
export { fitErrorMessage, truncateMessage, type Diagnosis } from './fitError';
export { preempt, type PreemptionOutcome } from './preemption';
export { podRequests, DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, type ResourceAmounts } from './resources';
export type { Code as PluginCode, Status as PluginStatus } from './status';
export {
  addPod,
  backoffDurationMs,
  emptyQueue,
  flushBackoffCompleted,
  flushUnschedulableLeftover,
  hasPodToPop,
  isBackingOff,
  isGated,
  isQueued,
  leftoverRetryAt,
  markUnschedulable,
  onClusterEvent,
  popPod,
  removePod,
  updatePod,
  POD_INITIAL_BACKOFF_MS,
  POD_MAX_BACKOFF_MS,
  POD_MAX_IN_UNSCHEDULABLE_MS,
  type QueuedPod,
  type QueueMove,
  type SchedulingQueue,
} from './queue';
export {
  bindingBody,
  bindingPath,
  DEFAULT_SCHEDULER,
  eventsPath,
  failedSchedulingNote,
  needsScheduling,
  scheduledNote,
  schedulerEvent,
  schedulerHost,
  schedulingGatedCondition,
  unschedulableStatusPatch,
} from './messages';
