import { describe, expect, it } from 'vitest';
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ImageBehavior } from '../scenario';
import { probeFailure, probesOf } from './probes';

const c: Container = { name: 'web', image: 'x', ports: [{ name: 'http', containerPort: 8000 }] };
const web: ImageBehavior = { http: [{ port: 8000, paths: ['/', '/ready'] }], tcpPorts: [9000] };

describe('probe results against the image behaviour (pkg/probe/http, pkg/probe/tcp)', () => {
  it.each<[string, Probe, string | undefined]>([
    ['HTTP path served', { httpGet: { path: '/ready', port: 8000 } }, undefined],
    ['HTTP named port', { httpGet: { path: '/', port: 'http' } }, undefined],
    ['HTTP path not served', { httpGet: { path: '/healthz', port: 8000 } }, 'HTTP probe failed with statuscode: 404'],
    [
      'HTTP port closed',
      { httpGet: { path: '/healthz', port: 8080 } },
      'Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused',
    ],
    ['TCP port listening', { tcpSocket: { port: 9000 } }, undefined],
    ['TCP on an HTTP port', { tcpSocket: { port: 8000 } }, undefined],
    ['TCP port closed', { tcpSocket: { port: 5432 } }, 'dial tcp 10.244.1.2:5432: connect: connection refused'],
  ])('%s', (_, probe, output) => {
    expect(probeFailure(c, probe, web, '10.244.1.2')).toBe(output);
  });

  it('applies the API defaults and skips exec probes', () => {
    const probes = probesOf({
      ...c,
      readinessProbe: { httpGet: { path: '/', port: 8000 } },
      livenessProbe: { exec: { command: ['true'] } },
      startupProbe: { tcpSocket: { port: 8000 }, periodSeconds: 2, failureThreshold: 30, initialDelaySeconds: 1 },
    });
    expect(probes).toEqual([
      expect.objectContaining({
        type: 'startup',
        periodMs: 2000,
        initialDelayMs: 1000,
        failureThreshold: 30,
        successThreshold: 1,
      }),
      expect.objectContaining({
        type: 'readiness',
        periodMs: 10_000,
        initialDelayMs: 0,
        failureThreshold: 3,
        successThreshold: 1,
      }),
    ]);
  });
});
