import { describe, expect, it } from 'vitest';
import { defaultPod, defaultPullPolicy } from './defaults';
import type { KubeObject } from './scenario';

const pod = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec,
});

describe('Pod defaults', () => {
  it.each([
    ['nginx:latest', 'Always'],
    ['nginx', 'Always'],
    ['sonasingh46/node-web-app:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['registry.example.com:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d', 'IfNotPresent'],
    ['nginx:latest@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d', 'Always'],
    ['Nginx', 'IfNotPresent'],
  ])('imagePullPolicy for %s is %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it('sets the decoding defaults and reports each as a change by defaulting', () => {
    const { pod: out, changes } = defaultPod(
      pod({ containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }),
    );
    expect(out.spec).toEqual({
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
          resources: {},
        },
      ],
      enableServiceLinks: true,
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    });
    expect(changes.map((c) => `${c.op} ${c.path} ${JSON.stringify(c.after)} ${c.by}`)).toEqual([
      'add spec.containers[0].ports[0].protocol "TCP" defaulting',
      'add spec.containers[0].terminationMessagePath "/dev/termination-log" defaulting',
      'add spec.containers[0].terminationMessagePolicy "File" defaulting',
      'add spec.containers[0].imagePullPolicy "IfNotPresent" defaulting',
      'add spec.containers[0].resources {} defaulting',
      'add spec.enableServiceLinks true defaulting',
      'add spec.dnsPolicy "ClusterFirst" defaulting',
      'add spec.restartPolicy "Always" defaulting',
      'add spec.securityContext {} defaulting',
      'add spec.terminationGracePeriodSeconds 30 defaulting',
      'add spec.schedulerName "default-scheduler" defaulting',
    ]);
  });

  it('copies limits into missing requests and gives host-network ports their host port', () => {
    const { pod: out } = defaultPod(
      pod({
        hostNetwork: true,
        containers: [
          {
            name: 'a',
            image: 'x:1',
            ports: [{ containerPort: 8080 }],
            resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
          },
        ],
      }),
    );
    const c = (out.spec as { containers: Record<string, unknown>[] }).containers[0]!;
    expect(c.resources).toEqual({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
    expect(c.ports).toEqual([{ containerPort: 8080, protocol: 'TCP', hostPort: 8080 }]);
  });

  it('never touches what the manifest set', () => {
    const spec = {
      restartPolicy: 'Never',
      containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Never', resources: { requests: { cpu: '1' } } }],
    };
    const { pod: out } = defaultPod(pod(spec));
    expect(out.spec).toMatchObject(spec);
  });
});
