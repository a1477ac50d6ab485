import { afterEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import type { KubeObject } from '@sim';
import { startClient } from './clientTestHarness';
import { kubectlWatchMachine } from './kubectlWatch';

const pod = (status: object, spec: object = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'example-pod', namespace: 'default', creationTimestamp: '2026-11-26T09:30:00Z' },
  spec: { containers: [{ name: 'example-pod', image: 'sonasingh46/node-web-app:latest' }], ...spec },
  status,
});
const waiting = (reason: string) => [
  { name: 'example-pod', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason } } },
];

let stop = () => {};
afterEach(() => stop());

describe('kubectl get pods -w machine', () => {
  it('types the command, opens the watch, and prints nothing for an empty namespace', () => {
    const sim = startClient(defaultScenario(), { id: 'kubectl-watch', logic: kubectlWatchMachine });
    stop = sim.stop;
    sim.run();
    expect(sim.received).toEqual([
      { type: 'watch.start', watcher: 'kubectl-watch', path: '/api/v1/namespaces/default/pods?watch=true' },
    ]);
    expect(sim.recorder.steps).toEqual([]);
  });

  it('prints Pending → Pending → ContainerCreating → Running (FIDELITY §10.3), one step per row', () => {
    const sim = startClient(defaultScenario(), { id: 'kubectl-watch', logic: kubectlWatchMachine });
    stop = sim.stop;
    sim.watch('ADDED', pod({ phase: 'Pending', qosClass: 'BestEffort' }));
    sim.clock.setTimeout(
      () =>
        sim.watch(
          'MODIFIED',
          pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] }, { nodeName: 'worker-2' }),
        ),
      20,
    );
    sim.clock.setTimeout(
      () =>
        sim.watch(
          'MODIFIED',
          pod({ phase: 'Pending', containerStatuses: waiting('ContainerCreating') }, { nodeName: 'worker-2' }),
        ),
      60,
    );
    sim.clock.setTimeout(
      () =>
        sim.watch(
          'MODIFIED',
          pod(
            {
              phase: 'Running',
              containerStatuses: [
                { name: 'example-pod', image: 'x', imageID: 'x', ready: true, restartCount: 0, state: { running: {} } },
              ],
            },
            { nodeName: 'worker-2' },
          ),
        ),
      12_900,
    );
    sim.run();
    const steps = sim.recorder.steps;
    expect(steps.map((s) => [s.component, s.place, s.title])).toEqual([
      ['kubectl-watch', 'output', '-w: example-pod Pending'],
      ['kubectl-watch', 'output', '-w: example-pod Pending'],
      ['kubectl-watch', 'output', '-w: example-pod ContainerCreating'],
      ['kubectl-watch', 'output', '-w: example-pod Running'],
    ]);
    expect(steps.at(-1)!.terminal).toEqual([
      { terminal: 'watch', stream: 'command', text: 'kubectl get pods -w' },
      { terminal: 'watch', stream: 'stdout', text: 'NAME          READY   STATUS    RESTARTS   AGE' },
      { terminal: 'watch', stream: 'stdout', text: 'example-pod   0/1     Pending   0          0s' },
      { terminal: 'watch', stream: 'stdout', text: 'example-pod   0/1     Pending   0          0s' },
      { terminal: 'watch', stream: 'stdout', text: 'example-pod   0/1     ContainerCreating   0          0s' },
      { terminal: 'watch', stream: 'stdout', text: 'example-pod   1/1     Running             0          12s' },
    ]);
  });

  it('prints existing pods of the namespace once, with the header', () => {
    const input = defaultScenario();
    input.cluster = [
      ...input.cluster,
      {
        ...pod({ phase: 'Running' }),
        metadata: { name: 'old', namespace: 'default', creationTimestamp: '2026-11-26T08:30:00Z' },
      },
    ];
    const sim = startClient(input, { id: 'kubectl-watch', logic: kubectlWatchMachine });
    stop = sim.stop;
    sim.run();
    expect(sim.recorder.steps.at(-1)!.terminal.map((l) => l.text)).toEqual([
      'kubectl get pods -w',
      'NAME   READY   STATUS    RESTARTS   AGE',
      'old    0/1     Running   0          60m',
    ]);
  });
});
