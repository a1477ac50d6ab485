/**
 * The learner's second terminal: `kubectl get pods -w`. It lists the namespace's pods (printing them
 * only if there are any), then prints one row per watch event, flushing each time, with the header
 * before the first row. One step per printed row.
 */
import { enqueueActions, setup } from 'xstate';
import type { Pod } from 'kubernetes-types/core/v1';
import { newWatchPrinter, podRow, printWatchRows, watchRowNarration, type KubeObject, type WatchPrinter } from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';
import { epochNow, listPods, podObjectKey, toApiserver, watchStart } from './watchClient';

const ME = 'kubectl-watch' as const;
export const WATCH_COMMAND = 'kubectl get pods -w';

/** The namespace of the person's current context. */
const namespaceOf = (env: SimEnv) => env.input.identity.namespace || 'default';
export const kubectlWatchPath = (namespace: string) => `/api/v1/namespaces/${namespace}/pods?watch=true`;

interface Context {
  env: SimEnv;
  printer: WatchPrinter;
}

/** Prints rows, reports the lines to the recorder and records one step per row. */
function print(env: SimEnv, printer: WatchPrinter, pods: readonly Pod[], watchType: string) {
  const now = epochNow(env);
  const rows = pods.map((p) => podRow(p, now));
  const { lines, state } = printWatchRows(printer, rows);
  const withHeader = !printer.printedHeader && lines.length > rows.length;
  const record = () => {
    pods.forEach((pod, i) => {
      // the header goes out with the first row, in the same flush
      const out = withHeader && i === 0 ? lines.slice(0, 2) : [lines[i + (withHeader ? 1 : 0)]!];
      for (const text of out) env.recorder.terminal({ terminal: 'watch', stream: 'stdout', text });
      const status = rows[i]![2]!;
      env.recorder.step({
        component: ME,
        place: 'output',
        title: `-w: ${pod.metadata?.name} ${status}`,
        outcome: 'info',
        narration: watchRowNarration(pod.metadata?.name ?? '', status, watchType, withHeader && i === 0),
        facts: [
          { label: 'Watch event', value: watchType },
          { label: 'Row', value: rows[i]!.join('  ') },
        ],
        objectKey: podObjectKey(pod),
      });
    });
  };
  return { state, record };
}

export const kubectlWatchMachine = setup({
  types: {
    context: {} as Context,
    events: {} as ClusterEvent,
    input: {} as ComponentInput,
  },
  actions: {
    start: enqueueActions(({ context, enqueue }) => {
      const { env } = context;
      const ns = namespaceOf(env);
      const out = watchStart(env, ME, kubectlWatchPath(ns));
      enqueue.sendTo(toApiserver, out.event, { delay: out.delay, id: out.id });
      // The initial list: printed only when it has rows (the table printer skips an empty table's header).
      const initial = listPods(env, (p) => (p.metadata.namespace ?? 'default') === ns) as unknown as Pod[];
      const { state, record } = print(env, context.printer, initial, 'list');
      enqueue.assign({ printer: state });
      enqueue(() => {
        env.recorder.terminal({ terminal: 'watch', stream: 'command', text: WATCH_COMMAND });
        record();
      });
    }),
    onWatch: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'watch.event' || event.object.kind !== 'Pod') return;
      const pod = event.object as KubeObject as unknown as Pod;
      const { state, record } = print(context.env, context.printer, [pod], event.watchType);
      enqueue.assign({ printer: state });
      enqueue(record);
    }),
  },
}).createMachine({
  id: 'kubectl-watch',
  context: ({ input }) => ({ env: input.env, printer: newWatchPrinter() }),
  initial: 'idle',
  states: {
    idle: { on: { 'sim.start': { target: 'watching', actions: 'start' } } },
    watching: { on: { 'watch.event': { actions: 'onWatch' } } },
  },
});
