// The kubelet as pure functions: admission, the sync plan, the statuses and events it writes.
export { admitPod, type AdmitResult } from './admission';
export {
  planPodSync,
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
  rejectedStatus,
  statusChanges,
  syncedStatus,
  type Condition,
  type ContainerState,
} from './status';
export { podStatusPatch } from './podStatusPatch';
export { kubeletEvent, type KubeletEventText } from './events';
export {
  effectivePullPolicy,
  formatGoDuration,
  imageID,
  normalizeImageRef,
  pullDecision,
  pullDurationMs,
  type ImageRef,
  type PullDecision,
} from './images';
export { clientHeaders, eventName, podReference, unixNanoHex, userAgent } from './apiClient';
