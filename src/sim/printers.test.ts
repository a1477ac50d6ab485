import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { describeEvents, humanDuration, newWatchPrinter, podRow, podStatusColumn, printWatchRows } from './printers';
import type { KubeEvent } from './trace';

const created = Date.parse('2026-11-26T09:30:00Z');
const pod = (status: Pod['status'], extra: Partial<Pod> = {}): Pod => ({
  metadata: { name: 'example-pod', namespace: 'default', creationTimestamp: '2026-11-26T09:30:00Z' },
  spec: { containers: [{ name: 'example-pod', image: 'nginx:1.27' }] },
  status,
  ...extra,
});
const waiting = (reason: string) => [
  {
    name: 'example-pod',
    image: 'nginx:1.27',
    imageID: '',
    ready: false,
    restartCount: 0,
    state: { waiting: { reason } },
  },
];

const PENDING = pod({ phase: 'Pending', qosClass: 'BestEffort' });
const BOUND = pod({ phase: 'Pending', qosClass: 'BestEffort', conditions: [{ type: 'PodScheduled', status: 'True' }] });
const CREATING = pod({ phase: 'Pending', containerStatuses: waiting('ContainerCreating') });
const RUNNING = pod({
  phase: 'Running',
  conditions: [{ type: 'Ready', status: 'True' }],
  containerStatuses: [
    {
      name: 'example-pod',
      image: 'docker.io/library/nginx:1.27',
      imageID: 'x',
      ready: true,
      restartCount: 0,
      state: { running: { startedAt: '2026-11-26T09:30:03Z' } },
    },
  ],
});

describe('printPod STATUS column', () => {
  it.each<[string, Pod, string]>([
    ['created, not scheduled', PENDING, 'Pending'],
    ['bound, kubelet not reported yet', BOUND, 'Pending'],
    ['first kubelet status', CREATING, 'ContainerCreating'],
    ['running', RUNNING, 'Running'],
    ['image pull failed', pod({ phase: 'Pending', containerStatuses: waiting('ErrImagePull') }), 'ErrImagePull'],
    [
      'in image back-off',
      pod({ phase: 'Pending', containerStatuses: waiting('ImagePullBackOff') }),
      'ImagePullBackOff',
    ],
    ['rejected by the kubelet', pod({ phase: 'Failed', reason: 'OutOfcpu' }), 'OutOfcpu'],
    [
      'gated',
      pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      'SchedulingGated',
    ],
    [
      'being deleted',
      { ...RUNNING, metadata: { ...RUNNING.metadata, deletionTimestamp: '2026-11-26T09:31:00Z' } },
      'Terminating',
    ],
    [
      'init container pending',
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [
            {
              name: 'init',
              image: 'busybox',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: 'PodInitializing' } },
            },
          ],
        },
        { spec: { initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'example-pod' }] } },
      ),
      'Init:0/1',
    ],
    [
      'exited with an error, no reason',
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'example-pod',
            image: 'x',
            imageID: 'x',
            ready: false,
            restartCount: 1,
            state: { terminated: { exitCode: 2 } },
          },
        ],
      }),
      'ExitCode:2',
    ],
  ])('%s → %s', (_, p, status) => {
    expect(podStatusColumn(p)).toBe(status);
  });

  it('RESTARTS shows the age of the last restart', () => {
    const p = pod({
      phase: 'Running',
      containerStatuses: [
        {
          name: 'example-pod',
          image: 'x',
          imageID: 'x',
          ready: true,
          restartCount: 3,
          state: { running: {} },
          lastState: { terminated: { exitCode: 1, finishedAt: '2026-11-26T09:35:48Z' } },
        },
      ],
    });
    expect(podRow(p, Date.parse('2026-11-26T09:36:00Z'))).toEqual([
      'example-pod',
      '1/1',
      'Running',
      '3 (12s ago)',
      '6m',
    ]);
  });
});

describe('HumanDuration', () => {
  it.each([
    [-2000, '<invalid>'],
    [-500, '0s'],
    [0, '0s'],
    [3_200, '3s'],
    [119_999, '119s'],
    [120_000, '2m'],
    [125_000, '2m5s'],
    [599_000, '9m59s'],
    [600_000, '10m'],
    [179 * 60_000, '179m'],
    [3 * 3_600_000, '3h'],
    [3 * 3_600_000 + 25 * 60_000, '3h25m'],
    [8 * 3_600_000, '8h'],
    [47 * 3_600_000, '47h'],
    [48 * 3_600_000, '2d'],
    [50 * 3_600_000, '2d2h'],
    [8 * 24 * 3_600_000, '8d'],
    [2 * 365 * 24 * 3_600_000, '2y'],
    [(2 * 365 + 10) * 24 * 3_600_000, '2y10d'],
    [9 * 365 * 24 * 3_600_000, '9y'],
  ])('%i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('kubectl get pods -w', () => {
  it('prints the FIDELITY §10.3 happy path: header with the first row, then one row per event; widths only grow', () => {
    const events: [Pod, number][] = [
      [PENDING, 0],
      [BOUND, 40],
      [CREATING, 120],
      [RUNNING, 3_400],
    ];
    let printer = newWatchPrinter();
    const out: string[] = [];
    for (const [p, t] of events) {
      const r = printWatchRows(printer, [podRow(p, created + t)]);
      printer = r.state;
      out.push(...r.lines);
    }
    expect(out).toEqual([
      'NAME          READY   STATUS    RESTARTS   AGE',
      'example-pod   0/1     Pending   0          0s',
      'example-pod   0/1     Pending   0          0s',
      'example-pod   0/1     ContainerCreating   0          0s',
      'example-pod   1/1     Running             0          3s',
    ]);
  });

  it('an empty initial list prints nothing, not even the header', () => {
    expect(printWatchRows(newWatchPrinter(), [])).toEqual({ lines: [], state: newWatchPrinter() });
  });
});

describe('kubectl describe pod: Events', () => {
  const ev = (reason: string, from: string, message: string, firstT: number, lastT = firstT, count = 1): KubeEvent => ({
    type: 'Normal',
    reason,
    message,
    from,
    object: 'pod/example-pod',
    firstT,
    lastT,
    count,
  });

  it('renders the FIDELITY §10.4 table', () => {
    const events = [
      ev('Pulling', 'kubelet', 'Pulling image "nginx:1.27"', 1_000),
      ev('Scheduled', 'default-scheduler', 'Successfully assigned default/example-pod to node-1', 0),
      ev(
        'Pulled',
        'kubelet',
        'Successfully pulled image "nginx:1.27" in 4.123s (4.123s including waiting). Image size: 72080558 bytes.',
        5_200,
      ),
      ev('Created', 'kubelet', 'Created container: nginx', 5_250),
      ev('Started', 'kubelet', 'Started container nginx', 5_300),
    ];
    expect(describeEvents(events, 10_400)).toEqual([
      'Events:',
      '  Type    Reason     Age   From               Message',
      '  ----    ------     ----  ----               -------',
      '  Normal  Scheduled  10s   default-scheduler  Successfully assigned default/example-pod to node-1',
      '  Normal  Pulling    9s    kubelet            Pulling image "nginx:1.27"',
      '  Normal  Pulled     5s    kubelet            Successfully pulled image "nginx:1.27" in 4.123s (4.123s including waiting). Image size: 72080558 bytes.',
      '  Normal  Created    5s    kubelet            Created container: nginx',
      '  Normal  Started    5s    kubelet            Started container nginx',
    ]);
  });

  it('shows repeats as "(xN over …)" and an empty list as <none>', () => {
    const backOff = {
      ...ev('BackOff', 'kubelet', 'Back-off pulling image "nginx:doesnotexist"', 0, 120_000, 4),
      type: 'Warning' as const,
    };
    expect(describeEvents([backOff], 132_000)[3]).toBe(
      '  Warning  BackOff  12s (x4 over 2m12s)  kubelet  Back-off pulling image "nginx:doesnotexist"',
    );
    expect(describeEvents([], 0)).toEqual(['Events:  <none>']);
  });
});

describe('printPod STATUS for the kubelet failure branches', () => {
  const status = (name: string, state: object, extra: object = {}) => ({
    name,
    image: 'x',
    imageID: '',
    ready: false,
    restartCount: 0,
    state,
    ...extra,
  });
  const twoInits = {
    initContainers: [
      { name: 'a', image: 'busybox' },
      { name: 'b', image: 'busybox' },
    ],
  };
  const withInits = (initContainerStatuses: object[], conditions: object[] = []) =>
    pod(
      {
        phase: 'Pending',
        conditions,
        initContainerStatuses,
        containerStatuses: waiting('PodInitializing'),
      } as Pod['status'],
      { spec: { ...twoInits, containers: [{ name: 'example-pod' }] } },
    );
  const done = status('a', { terminated: { exitCode: 0, reason: 'Completed' } }, { ready: true });
  it.each<[string, Pod, string]>([
    [
      'first init running',
      withInits([status('a', { running: {} }), status('b', { waiting: { reason: 'PodInitializing' } })]),
      'Init:0/2',
    ],
    ['second init running', withInits([done, status('b', { running: {} })]), 'Init:1/2'],
    ['init failed', withInits([status('a', { terminated: { exitCode: 1, reason: 'Error' } })]), 'Init:Error'],
    [
      'init crash-looping',
      withInits([status('a', { waiting: { reason: 'CrashLoopBackOff' } })]),
      'Init:CrashLoopBackOff',
    ],
    [
      'init killed by a signal, no reason',
      withInits([status('a', { terminated: { exitCode: 137, signal: 9 } })]),
      'Init:Signal:9',
    ],
    [
      'inits done, containers not started',
      withInits([done, { ...done, name: 'b' }], [{ type: 'Initialized', status: 'True' }]),
      'PodInitializing',
    ],
    ['crash loop', pod({ phase: 'Running', containerStatuses: waiting('CrashLoopBackOff') }), 'CrashLoopBackOff'],
    [
      'OOM killed',
      pod({
        phase: 'Running',
        containerStatuses: [status('example-pod', { terminated: { exitCode: 137, reason: 'OOMKilled' } })],
      }),
      'OOMKilled',
    ],
    [
      'completed, never restarted',
      pod({
        phase: 'Succeeded',
        containerStatuses: [status('example-pod', { terminated: { exitCode: 0, reason: 'Completed' } })],
      }),
      'Completed',
    ],
    [
      'config error',
      pod({ phase: 'Pending', containerStatuses: waiting('CreateContainerConfigError') }),
      'CreateContainerConfigError',
    ],
    [
      'one container completed, one running but not ready',
      pod(
        {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'False' }],
          containerStatuses: [
            status('a', { terminated: { exitCode: 0, reason: 'Completed' } }),
            status('b', { running: {} }, { ready: true }),
          ],
        },
        { spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
      ),
      'NotReady',
    ],
  ])('%s → %s', (_, p, column) => {
    expect(podStatusColumn(p)).toBe(column);
  });

  it('a running container failing its readiness probe: READY 0/1, STATUS Running', () => {
    const p = pod({
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
      containerStatuses: [status('example-pod', { running: { startedAt: '2026-11-26T09:30:03Z' } })],
    });
    expect(podRow(p, created + 30_000)).toEqual(['example-pod', '0/1', 'Running', '0', '30s']);
  });
});
