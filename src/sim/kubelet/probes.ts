/**
 * Probes as the kubelet's prober runs them (k/k pkg/kubelet/prober/prober.go, worker.go), answered
 * by the image's behaviour in the cluster definition (scenario.ts ImageBehavior `http`, `tcpPorts`).
 * exec probes would run a command inside the container, which no behaviour describes: they are not
 * simulated (no probe worker is started for them).
 */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ImageBehavior } from '../scenario';

export type ProbeType = 'startup' | 'liveness' | 'readiness';

/** The probe's port as a number: a number, or a named containerPort of the container. */
function resolvePort(c: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  const named = (c.ports ?? []).find((p) => p.name === port);
  if (named) return named.containerPort;
  const n = Number(port);
  return Number.isInteger(n) ? n : undefined;
}

/**
 * One probe against the running container at `podIP`: undefined when it succeeds, else the output
 * the kubelet reports (pkg/probe/http/http.go DoHTTPProbe: `HTTP probe failed with statuscode: 404`;
 * a port nobody listens on gives Go's dial error, `dial tcp <ip>:<port>: connect: connection refused`,
 * wrapped by net/http as `Get "<url>": …` for HTTP).
 */
export function probeFailure(c: Container, probe: Probe, behavior: ImageBehavior, podIP: string): string | undefined {
  const http = probe.httpGet;
  if (http) {
    const port = resolvePort(c, http.port);
    const path = http.path ?? '/';
    const host = http.host ?? podIP;
    const scheme = (http.scheme ?? 'HTTP').toLowerCase();
    const server = (behavior.http ?? []).find((s) => s.port === port);
    if (!server)
      return `Get "${scheme}://${host}:${port}${path}": dial tcp ${host}:${port}: connect: connection refused`;
    return server.paths.includes(path) ? undefined : 'HTTP probe failed with statuscode: 404';
  }
  const tcp = probe.tcpSocket;
  if (tcp) {
    const port = resolvePort(c, tcp.port);
    const host = tcp.host ?? podIP;
    const listening = [...(behavior.tcpPorts ?? []), ...(behavior.http ?? []).map((s) => s.port)].includes(port ?? -1);
    return listening ? undefined : `dial tcp ${host}:${port}: connect: connection refused`;
  }
  return undefined;
}

/** The probes of a container the simulation runs, with the API defaults (pkg/apis/core/v1/defaults.go). */
export function probesOf(c: Container): {
  type: ProbeType;
  probe: Probe;
  periodMs: number;
  initialDelayMs: number;
  failureThreshold: number;
  successThreshold: number;
}[] {
  const all: [ProbeType, Probe | undefined][] = [
    ['startup', c.startupProbe],
    ['liveness', c.livenessProbe],
    ['readiness', c.readinessProbe],
  ];
  return all.flatMap(([type, probe]) =>
    probe && (probe.httpGet || probe.tcpSocket)
      ? [
          {
            type,
            probe,
            periodMs: (probe.periodSeconds ?? 10) * 1000,
            initialDelayMs: (probe.initialDelaySeconds ?? 0) * 1000,
            failureThreshold: probe.failureThreshold ?? 3,
            successThreshold: probe.successThreshold ?? 1,
          },
        ]
      : [],
  );
}
