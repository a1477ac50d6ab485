/**
 * The kubelet's event recorder does not send every event it is given: client-go's EventCorrelator
 * (tools/record/events_cache.go) first aggregates, then counts, then rate-limits.
 * 1. EventAggregate: the 10th distinct message for the same object, type and reason within 10 minutes
 *    becomes one event "(combined from similar events): <message>".
 * 2. eventObserve: a repeat of an event (same object, fieldPath, type, reason, message) bumps its count
 *    and becomes a PATCH of the Event first created (count, lastTimestamp, message).
 * 3. EventSourceObjectSpamFilter: a token bucket per source and object (burst 25, one more every 300 s);
 *    an event without a token is dropped. The count was already bumped, so the next PATCH that goes
 *    out carries the occurrences that were dropped.
 * Pure data in, data out: the actor keeps the state between events.
 */
import type { KubeletEventText } from './events';

export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
export const SPAM_BURST = 25;
export const SPAM_REFILL_MS = 300_000;

export interface ObservedEvent {
  /** The Event's name (`<pod>.<UnixNano hex>`), fixed by its first occurrence. */
  name: string;
  count: number;
  /** Whether a request has created it (a first occurrence can be dropped by the spam filter). */
  created: boolean;
}

export interface CorrelatorState {
  observed: Record<string, ObservedEvent>;
  similar: Record<string, { messages: string[]; last: number }>;
  buckets: Record<string, { tokens: number; at: number }>;
}

export const newCorrelator = (): CorrelatorState => ({ observed: {}, similar: {}, buckets: {} });

export type Correlated =
  | { send: false; event: KubeletEventText; count: number }
  | { send: 'create'; event: KubeletEventText; name: string; count: number }
  | { send: 'patch'; event: KubeletEventText; name: string; count: number };

export interface CorrelateInput {
  /** The involved object (source and pod): the spam filter's and aggregator's key. */
  object: string;
  /** spec.containers{name}, or '' for the pod itself. */
  fieldPath: string;
  event: KubeletEventText;
  nowMs: number;
  /** The name a new Event would get now. */
  newName: string;
}

export function correlateEvent(
  state: CorrelatorState,
  input: CorrelateInput,
): { state: CorrelatorState; result: Correlated } {
  const { object, fieldPath, nowMs } = input;
  // 1. EventAggregate (EventAggregatorByReasonFunc: the key leaves the message and fieldPath out).
  const aggregateKey = `${object}|${input.event.type}|${input.event.reason}`;
  const prev = state.similar[aggregateKey];
  const fresh = !prev || nowMs - prev.last > AGGREGATE_INTERVAL_MS;
  const messages = [...new Set([...(fresh ? [] : prev.messages), input.event.message])];
  const aggregated = messages.length >= AGGREGATE_MAX_EVENTS;
  const similar = {
    ...state.similar,
    [aggregateKey]: { messages: aggregated ? messages.slice(1) : messages, last: nowMs },
  };
  const event = aggregated
    ? { ...input.event, message: `(combined from similar events): ${input.event.message}` }
    : input.event;
  const key = aggregated ? aggregateKey : `${object}|${fieldPath}|${event.type}|${event.reason}|${event.message}`;

  // 2. eventObserve.
  const seen = state.observed[key];
  const count = (seen?.count ?? 0) + 1;
  const name = seen?.name ?? input.newName;

  // 3. EventSourceObjectSpamFilter.
  const bucket = state.buckets[object] ?? { tokens: SPAM_BURST, at: nowMs };
  const tokens = Math.min(SPAM_BURST, bucket.tokens + (nowMs - bucket.at) / SPAM_REFILL_MS);
  const allowed = tokens >= 1;
  const buckets = { ...state.buckets, [object]: { tokens: allowed ? tokens - 1 : tokens, at: nowMs } };
  const created = (seen?.created ?? false) || allowed;
  const next = { observed: { ...state.observed, [key]: { name, count, created } }, similar, buckets };
  if (!allowed) return { state: next, result: { send: false, event, count } };
  // A repeat of an Event that exists is a PATCH; one whose first occurrence was dropped is created
  // (client-go falls back to Create when the PATCH finds nothing).
  return { state: next, result: { send: seen?.created ? 'patch' : 'create', event, name, count } };
}

/** Whether an event of this type and reason about this object and field has been recorded before. */
export const observedBefore = (
  state: CorrelatorState,
  object: string,
  fieldPath: string,
  event: Pick<KubeletEventText, 'type' | 'reason'>,
): boolean =>
  Object.keys(state.observed).some((k) => k.startsWith(`${object}|${fieldPath}|${event.type}|${event.reason}|`));
