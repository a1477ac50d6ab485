/**
 * The FailedScheduling message: FitError.Error() (k/k pkg/scheduler/framework/types.go, v1.33).
 *
 *   "0/<N> nodes are available:" + (" <PreFilterMsg>." | " <sorted reason histogram>.") + (" <PostFilterMsg>")
 *
 * The histogram counts every reason of every node's status as "<count> <reason>" and sorts those
 * strings lexicographically (so "1 node(s) had …" sorts before "2 Insufficient cpu").
 */
import { byteOrder } from '../diff';
import type { Status } from './status';

export interface Diagnosis {
  numAllNodes: number;
  /** The failing status of each node (nodes absent here count with `absent`). */
  nodeStatuses: readonly Status[];
  /** Status given to nodes without an explicit entry (NodeToStatus.AbsentNodesStatus). */
  absent?: Status;
  preFilterMsg?: string;
  postFilterMsg?: string;
}

export const NO_NODE_AVAILABLE = (n: number) => `0/${n} nodes are available`;

export function fitErrorMessage(d: Diagnosis): string {
  let msg = `${NO_NODE_AVAILABLE(d.numAllNodes)}:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const s of d.nodeStatuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const missing = d.numAllNodes - d.nodeStatuses.length;
    if (missing > 0 && d.absent) for (const r of d.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + missing);
    const histogram = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(byteOrder);
    if (histogram.length) msg += ` ${histogram.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** validation.NoteLengthLimit: event notes longer than 1024 characters end in " ..." (truncateMessage). */
export const NOTE_LENGTH_LIMIT = 1024;
export function truncateMessage(message: string): string {
  const suffix = ' ...';
  return message.length > NOTE_LENGTH_LIMIT
    ? `${message.slice(0, NOTE_LENGTH_LIMIT - suffix.length)}${suffix}`
    : message;
}
