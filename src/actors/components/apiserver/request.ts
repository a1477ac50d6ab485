/**
 * One request inside kube-apiserver: it runs the stages of its route one after the other, each
 * taking its processing time, waits for etcd when a stage calls it (retrying an optimistic update on
 * a revision conflict, as GuaranteedUpdate does), and ends with the response to the client.
 *
 * A request is plain data that the kube-apiserver actor drives with its own delayed events, not an
 * actor of its own: spawning, stopping and relaying to one actor per request cost more than the
 * gates it runs. The order of everything a request does (stage functions, recorder calls, messages)
 * is the same as when each request was an actor.
 */
import type { HttpExchange } from '@sim';
import type { SimEnv } from '../../env';
import type { EtcdResult } from '../../protocol';
import type { ApiCache } from './cache';
import type { Effect, RequestState, Stage, StageResult } from './pipeline';
import { parseRequestInfo } from './requestInfo';
import { routeFor } from './routes';

export interface RequestRun {
  stages: readonly Stage[];
  index: number;
  state: RequestState;
  /** The result of the running stage, applied when its time is up. */
  pending: StageResult;
  etcdCalls: number;
}

/** GuaranteedUpdate gives up after this many conflicts in a row (it retries while the object keeps changing). */
export const MAX_UPDATE_ATTEMPTS = 5;

/** The etcd call ids of a request: `<exchange id>#<n>`, so the apiserver can route the answer back. */
export const etcdCallId = (exchangeId: string, n: number) => `${exchangeId}#${n}`;
export const exchangeOfEtcdCall = (id: string) => id.slice(0, id.lastIndexOf('#'));

const runStage = (run: Omit<RequestRun, 'pending'>, env: SimEnv, cache: ApiCache): StageResult =>
  run.stages[run.index]!(run.state, { env, cache });

/** A request as it arrives: its route chosen, its audit id drawn, its first stage run. */
export function startRequest(env: SimEnv, cache: ApiCache, exchange: HttpExchange): RequestRun {
  const info = parseRequestInfo(exchange.request.method, exchange.request.path);
  const route = routeFor(info, exchange.client);
  const run: Omit<RequestRun, 'pending'> = {
    stages: route.stages,
    index: 0,
    etcdCalls: 0,
    state: {
      exchange,
      info,
      recording: route.recording,
      auditId: env.rng.uuid(),
      admission: [],
      warnings: [],
      mutationRecorded: false,
      attempts: 0,
    },
  };
  return { ...run, pending: runStage(run, env, cache) };
}

/** How long the running stage takes. */
export const stageTime = (run: RequestRun): number => run.pending.ms ?? 0;

function applyEffect(env: SimEnv, e: Effect): void {
  if (e.kind === 'podCard') env.recorder.podCard(e.card);
  else if (e.kind === 'event') env.recorder.event(e.event);
  else env.recorder.step(e.draft);
}

/**
 * The running stage's time is up: its state is adopted and its effects recorded. Returns what it
 * leads to; on `continue` the next stage has already run (its result is the new `pending`).
 */
export function finishStage(run: RequestRun, env: SimEnv, cache: ApiCache): StageResult {
  const done = run.pending;
  run.state = done.state;
  for (const e of done.effects ?? []) applyEffect(env, e);
  if (done.next === 'continue') {
    run.index += 1;
    run.pending = runStage(run, env, cache);
  }
  return done;
}

/**
 * etcd answered the running stage's call: the result goes into the state and the same stage runs
 * again on a revision conflict it may retry, else the next one.
 */
export function etcdAnswered(run: RequestRun, result: EtcdResult, env: SimEnv, cache: ApiCache): void {
  const p = run.pending;
  const retries =
    result.error === 'revision mismatch' &&
    p.next === 'etcd' &&
    !!p.retryOnConflict &&
    run.state.attempts < MAX_UPDATE_ATTEMPTS;
  run.state = { ...run.state, etcd: result };
  if (!retries) run.index += 1;
  run.pending = runStage(run, env, cache);
}
