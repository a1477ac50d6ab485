// The kubelet as pure functions: admission, the sync plan, the statuses and events it writes.
export { admitPod, type AdmitResult } from './admission';
export {
  planPodSync,
  planPodUpdate,
  allocatePodIP,
  nodeInternalIP,
  PAUSE_IMAGE,
  type PlannedAction,
  type PlannedStep,
  type SyncPlan,
  type SyncPlanInput,
} from './plan';
export {
  containerCreatingStatus,
  podPhase,
  rejectedStatus,
  statusChanges,
  syncedStatus,
  type Condition,
  type ContainerState,
  type Terminated,
} from './status';
export { podStatusPatch } from './podStatusPatch';
export {
  backOffPullingImage,
  backOffRestarting,
  eventRepeatPatch,
  failedMount,
  failedToPullImage,
  imageNeverPull,
  invalidImageName,
  killingDefinitionChanged,
  kubeletEvent,
  startFailed,
  type KubeletEventText,
} from './events';
export {
  BACKOFF_INITIAL_MS,
  BACKOFF_MAX_MS,
  backoffNext,
  inBackOffSince,
  inBackOffSinceUpdate,
  podWorkerRequeueMs,
  type Backoff,
  type BackoffEntry,
} from './backoff';
export {
  changedContainers,
  containerConfigError,
  containerDefinitionChanged,
  containerExit,
  formatPod,
  volumeSetUpError,
  type ContainerExit,
} from './containers';
export { notFoundError } from './worker';
export { probeFailure, probesOf, type ProbeType } from './probes';
export {
  correlateEvent,
  newCorrelator,
  observedBefore,
  type Correlated,
  type CorrelatorState,
  type ObservedEvent,
} from './eventCorrelator';
export {
  effectivePullPolicy,
  formatGoDuration,
  imageID,
  imageNameError,
  normalizeImageRef,
  pullDecision,
  pullDurationMs,
  type ImageRef,
  type PullDecision,
} from './images';
export { clientHeaders, eventName, podReference, unixNanoHex, userAgent } from './apiClient';
