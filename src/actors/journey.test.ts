// The whole default journey, end to end through every actor: FIDELITY golden checks 1, 14–16, 18.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@scenarios';
import { simulate } from './system';

const trace = simulate(defaultScenario());
const last = trace.steps.at(-1)!;
const pod = last.stored['/registry/pods/default/example-pod'] as {
  metadata: Record<string, unknown>;
  spec: Record<string, unknown> & {
    containers: Record<string, unknown>[];
    volumes: { name: string }[];
    tolerations: unknown[];
  };
  status: { phase: string; podIP: string; conditions: { type: string; status: string }[] };
};

describe('the default journey', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(simulate(defaultScenario()))).toBe(JSON.stringify(trace));
  });

  it('visits the components in the real order, through the API server', () => {
    const firstOf = (c: string) => trace.steps.findIndex((s) => s.component === c || s.component.startsWith(`${c}:`));
    const order = ['kubectl', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kubelet'].map(firstOf);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(trace.steps.length).toBeGreaterThanOrEqual(20);
    // topology: etcd exchanges messages only with kube-apiserver
    for (const s of trace.steps)
      for (const p of s.packets)
        if (p.from === 'etcd' || p.to === 'etcd') expect([p.from, p.to]).toContain('kube-apiserver');
  });

  it('makes exactly the HTTP requests a v1.33 cluster sees, with their status codes', () => {
    const answered = new Map<string, string>();
    for (const s of trace.steps)
      if (s.http?.response)
        answered.set(s.http.id, `${s.http.request.method} ${s.http.request.path} ${s.http.response.status}`);
    const main = [...answered.values()].filter((x) => !x.includes('/events'));
    expect(main).toEqual([
      'GET /api/v1/namespaces/default/pods/example-pod 404',
      'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict 201',
      'POST /api/v1/namespaces/default/pods/example-pod/binding 201',
      'PATCH /api/v1/namespaces/default/pods/example-pod/status 200',
      'PATCH /api/v1/namespaces/default/pods/example-pod/status 200',
    ]);
  });

  it('walks the API server gates in order for the create', () => {
    const post = trace.steps.filter(
      (s) =>
        s.component === 'kube-apiserver' &&
        s.http?.request.method === 'POST' &&
        s.http.request.path.includes('fieldManager'),
    );
    const places = post.map((s) => s.place).filter((p, i, a) => a.indexOf(p) === i);
    expect(places).toEqual([
      'authentication',
      'authorization',
      'decode',
      'mutating-admission',
      'validation',
      'validating-admission',
      'persist',
      'handler',
    ]);
    const mutators = post.filter((s) => s.place === 'mutating-admission').flatMap((s) => s.changes.map((c) => c.by));
    expect(new Set(mutators)).toEqual(new Set(['ServiceAccount', 'Priority', 'DefaultTolerationSeconds']));
  });

  it('prints what kubectl prints, in both terminals', () => {
    const apply = last.terminal.filter((l) => l.terminal === 'apply').map((l) => l.text);
    expect(apply).toEqual(['kubectl apply -f pod.yaml', 'pod/example-pod created']);
    const watch = last.terminal
      .filter((l) => l.terminal === 'watch')
      .map((l) => l.text.split(/\s+/).slice(0, 3).join(' '));
    expect(watch).toEqual([
      'kubectl get pods',
      'NAME READY STATUS',
      'example-pod 0/1 Pending',
      'example-pod 0/1 Pending',
      'example-pod 0/1 ContainerCreating',
      'example-pod 1/1 Running',
    ]);
  });

  it('records the v1.33 events in order', () => {
    const node = pod.spec.nodeName as string;
    expect(
      last.events.map((e) => [
        e.type,
        e.reason,
        e.from,
        e.message.replace(/ in [\d.]+m?s \([\d.]+m?s including waiting\)/, ' in <d>'),
      ]),
    ).toEqual([
      ['Normal', 'Scheduled', 'default-scheduler', `Successfully assigned default/example-pod to ${node}`],
      ['Normal', 'Pulling', 'kubelet', 'Pulling image "sonasingh46/node-web-app:latest"'],
      [
        'Normal',
        'Pulled',
        'kubelet',
        'Successfully pulled image "sonasingh46/node-web-app:latest" in <d>. Image size: 345112384 bytes.',
      ],
      ['Normal', 'Created', 'kubelet', 'Created container: example-pod'],
      ['Normal', 'Started', 'kubelet', 'Started container example-pod'],
    ]);
  });

  it('ends with the pod Running, with the fields a real cluster stores', () => {
    expect(trace.result.outcome).toBe('running');
    expect(['worker-1', 'worker-2']).toContain(pod.spec.nodeName);
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.podIP).toMatch(pod.spec.nodeName === 'worker-1' ? /^10\.244\.1\./ : /^10\.244\.2\./);
    expect(pod.status.conditions.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(pod.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(pod.metadata.resourceVersion)).toBeGreaterThan(400);
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      serviceAccountName: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      enableServiceLinks: true,
    });
    expect(pod.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
    });
    expect(pod.spec.volumes.at(-1)!.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('a YAML syntax error stops at kubectl with its exact message', () => {
    const t = simulate(defaultScenario('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n'));
    expect(t.result.outcome).toBe('rejected');
    expect(t.steps.some((s) => s.component !== 'kubectl')).toBe(false);
    expect(t.result.summary).toMatch(
      /^error: error parsing pod\.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context$/,
    );
  });
});
