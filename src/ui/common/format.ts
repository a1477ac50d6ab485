/** Small text formats shared by the timeline, the inspector, the stage and the transcript. */
import type { Outcome, Trace } from '@sim';

/** A step's outcome in a word (the marks show it with an icon too, never by colour alone). */
export const OUTCOME_WORD: Record<Outcome, string> = { ok: 'OK', fail: 'Failed', warn: 'Warning', info: 'Info' };

/** How a journey ended, in a word. */
export const RESULT_WORD: Record<Trace['result']['outcome'], string> = {
  running: 'Running',
  rejected: 'Rejected',
  failed: 'Failed',
  pending: 'Pending',
  waiting: 'Waiting',
};

/** Simulated milliseconds as seconds with two decimals: `1.42 s`. */
export const formatSimTime = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** 1-based, as a person counts: `Step 12 / 41`. */
export const formatStepCounter = (index: number, count: number): string =>
  `Step ${count === 0 ? 0 : index + 1} / ${count}`;

/** JSON for reading: two-space indent, as `kubectl get -o json` prints. */
export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2) ?? 'undefined';
