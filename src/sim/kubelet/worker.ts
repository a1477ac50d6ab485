/**
 * The pod worker after the sandbox exists: each sync computes the status (from the runtime and the
 * reasons the previous sync failed with) and writes it if it changed, then starts every container that
 * is not running and should run (k/k pkg/kubelet/kubelet.go SyncPod, kuberuntime_manager.go SyncPod,
 * kubelet_pods.go convertToAPIContainerStatuses). What triggers the next sync:
 * - the PLEG relist (every second) seeing a container start or exit,
 * - a failed sync: the pod worker requeues it after 10–15 s (backoff.ts podWorkerRequeueMs).
 * Retries therefore follow the resync cadence, gated by the image and crash-loop back-offs.
 * The loop runs until nothing is pending or the scenario's horizon is reached.
 */
import type { Container, ContainerStateTerminated, Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../random';
import type { ImageFacts, KubeObject } from '../scenario';
import {
  backoffNext,
  BACKOFF_MAX_MS,
  inBackOffSince,
  inBackOffSinceUpdate,
  podWorkerRequeueMs,
  type Backoff,
} from './backoff';
import {
  behaviorOf,
  containerConfigError,
  containerDefinitionChanged,
  containerExit,
  formatPod,
  type ContainerExit,
} from './containers';
import { probeFailure, probesOf } from './probes';
import {
  backOffPullingImage,
  backOffRestarting,
  createdContainer,
  failedToPullImage,
  imageAlreadyPresent,
  imageNeverPull,
  invalidImageName,
  killingDefinitionChanged,
  killingUnhealthy,
  unhealthy,
  pulledImage,
  pullingImage,
  startFailed,
  startedContainer,
} from './events';
import {
  formatGoDuration,
  imageID,
  imageNameError,
  imagePresentOnNode,
  normalizeImageRef,
  pullDecision,
  pullDurationMs,
  registryImage,
} from './images';
import type { PlannedAction, PlannedStep } from './plan';
import type { ContainerState, Terminated } from './status';

/** One run of a container: a container the runtime created and started. */
interface Run {
  containerID: string;
  image: string;
  imageID: string;
  startedMs: number;
  startedAt: string;
  exit?: ContainerExit;
  /** Set once the process has ended (the runtime saw it exit). */
  finished?: Terminated;
  finishedMs?: number;
  /** Readiness as the readiness probe last set it (true without one). */
  ready: boolean;
  /** Started as the startup probe last set it (true without one). */
  started: boolean;
  /** A liveness or startup probe failed: the next sync kills it. */
  unhealthy?: 'liveness' | 'startup';
  /** The kill has been sent (the container is stopping). */
  killing?: boolean;
  /** Its definition (image) changed since it was created: the next sync replaces it. */
  changed?: boolean;
}

/** One probe worker (prober/worker.go): it ticks every period from when the pod was added. */
interface ProbeWorker {
  container: Container;
  spec: ReturnType<typeof probesOf>[number];
  nextTick: number;
  /** The container the counters are about; a new container resets them. */
  containerID?: string;
  lastResult?: boolean;
  resultRun: number;
  /** After a liveness/startup failure, probing stops until a new container. */
  onHold: boolean;
}

/** The kubelet's knowledge of one container: its runs, and the reason its last start failed (reasonCache). */
interface Tracked {
  runs: Run[];
  failure?: { reason: string; message: string };
  /** Restarts before this plan began, and the end of the run before the first one known here. */
  before?: { restartCount: number; lastTerminated?: Terminated };
}

export interface WorkerInput {
  pod: Pod;
  node: string;
  images: ImageFacts;
  /** The cluster's objects the kubelet's configmap/secret managers can read. */
  cluster: readonly KubeObject[];
  /** The pod's IP, where probes connect. */
  podIP: string;
  rng: Rng;
  wallTime(offsetMs: number): string;
  /** Offset at which the simulation stops. */
  horizonMs: number;
  /**
   * An update of a pod the kubelet already runs (HandlePodUpdates): the pod as its containers were
   * created from, with their status. The sandbox exists; the plan begins with a sync of the update.
   */
  previous?: Pod;
}

/** The containerd error for a tag the registry does not have (runtime-specific; containerd's wording). */
export const notFoundError = (image: string): string => {
  const ref = normalizeImageRef(image).name;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
};

/** The PLEG relists every second: a change is seen 20 ms to 1 s after it happens. */
const plegDelay = (rng: Rng) => 20 + rng.int(980);
/** Steps planned this close to the horizon would have their requests cut off: stop before. */
export const HORIZON_MARGIN_MS = 50;
/** spec.terminationGracePeriodSeconds as kube-apiserver defaults it (SetDefaults_PodSpec). */
const DEFAULT_GRACE_SECONDS = 30;

const asTerminated = (t: ContainerStateTerminated): Terminated => ({
  exitCode: t.exitCode,
  reason: t.reason ?? '',
  startedAt: t.startedAt ?? '',
  finishedAt: t.finishedAt ?? '',
  containerID: t.containerID ?? '',
});

/**
 * What the kubelet knows of a pod it already runs, container by container, from the runtime (here:
 * the pod's status): the current run (its id, image and start, running or ended), whether its
 * definition changed since it was created (the previous spec against the desired one), and the
 * restarts before. A running container whose image has no exit in the registry keeps running.
 */
function knownRuns(
  previous: Pod,
  desired: readonly Container[],
  offsetOf: (time: string) => number,
): Record<string, Pick<Tracked, 'runs' | 'before'>> {
  const statuses = [...(previous.status?.initContainerStatuses ?? []), ...(previous.status?.containerStatuses ?? [])];
  const specs = [...(previous.spec?.initContainers ?? []), ...(previous.spec?.containers ?? [])];
  const out: Record<string, Pick<Tracked, 'runs' | 'before'>> = {};
  for (const c of desired) {
    const st = statuses.find((x) => x.name === c.name);
    const running = st?.state?.running;
    const ended = st?.state?.terminated;
    if (!st?.containerID || (!running && !ended)) continue;
    const startedAt = running?.startedAt ?? ended?.startedAt ?? '';
    const was = specs.find((x) => x.name === c.name);
    const run: Run = {
      containerID: st.containerID,
      image: st.image,
      imageID: st.imageID,
      startedMs: offsetOf(startedAt),
      startedAt,
      ready: st.ready,
      started: st.started ?? true,
      ...(ended ? { finished: asTerminated(ended), finishedMs: offsetOf(ended.finishedAt ?? '') } : {}),
      ...(running && was && containerDefinitionChanged(was, c) ? { changed: true } : {}),
    };
    const last = st.lastState?.terminated;
    out[c.name] = {
      runs: [run],
      before: { restartCount: st.restartCount, ...(last ? { lastTerminated: asTerminated(last) } : {}) },
    };
  }
  return out;
}

/**
 * ShouldContainerBeRestarted for an exited container: restartPolicy Always, or OnFailure after a
 * failure. An init container that failed is run again unless the policy is Never; one that exited 0
 * is done.
 */
const shouldRestart = (pod: Pod, c: Container, exitCode: number) => {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const init = (pod.spec?.initContainers ?? []).includes(c);
  if (init) return policy !== 'Never' && exitCode !== 0;
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
};

/**
 * Plans the syncs from `start` (the sandbox and network are up) and appends them to `steps`.
 * The first sync's status was already written (ContainerCreating).
 */
export function runPodWorker(input: WorkerInput, start: number, steps: PlannedStep[]): { resumeAt?: number } {
  const { pod, rng } = input;
  const containers = pod.spec?.containers ?? [];
  // Init containers that run to completion, in order (restartable sidecars are not simulated).
  const inits = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy !== 'Always');
  const all = [...inits, ...containers];
  const known = input.previous
    ? knownRuns(input.previous, all, (time) => Date.parse(time) - Date.parse(input.wallTime(0)))
    : {};
  const tracked: Record<string, Tracked> = Object.fromEntries(all.map((c) => [c.name, known[c.name] ?? { runs: [] }]));
  const imageBackoff: Backoff = {};
  /** The last pull error per image back-off key. */
  const pullErrors: Record<string, string> = {};
  /** Images this run pulled to the node: later pulls find their layers (and IfNotPresent skips them). */
  const pulled: string[] = [];
  const nodeImages = (): ImageFacts => ({
    ...input.images,
    presentOnNode: {
      ...input.images.presentOnNode,
      [input.node]: [...(input.images.presentOnNode[input.node] ?? []), ...pulled],
    },
  });
  const crashBackoff: Backoff = {};
  const limit = input.horizonMs - HORIZON_MARGIN_MS;
  let t = start;
  let lastStatus = '';
  const at = (dt: number, action: PlannedAction) => {
    t += dt;
    steps.push({ at: t, action });
  };

  /** convertToAPIContainerStatuses: what the status says about one container at `now`. */
  const stateOf = (c: Container): ContainerState | undefined => {
    const { runs, failure, before } = tracked[c.name]!;
    const latest = runs.at(-1);
    const previous = runs.length > 1 ? runs.at(-2)?.finished : before?.lastTerminated;
    const history = {
      restartCount: (before?.restartCount ?? 0) + Math.max(0, runs.length - 1),
      ...(previous ? { lastTerminated: previous } : {}),
    };
    if (!latest) return failure ? { name: c.name, running: false, ...failure } : undefined;
    const ran = { containerID: latest.containerID, image: latest.image, imageID: latest.imageID };
    if (!latest.finished)
      return {
        name: c.name,
        running: true,
        startedAt: latest.startedAt,
        ready: latest.ready && latest.started,
        started: latest.started,
        ...ran,
        ...history,
      };
    if (failure && shouldRestart(pod, c, latest.finished.exitCode))
      return { name: c.name, running: false, ...failure, ...ran, ...history, lastTerminated: latest.finished };
    return { name: c.name, running: false, terminated: latest.finished, ...ran, ...history };
  };

  /** EnsureImageExists: the image ref, or the failure the sync stops this container with. */
  const ensureImage = (c: Container): { ok: true; imageID: string } | { ok: false } => {
    const image = c.image ?? '';
    const fail = (reason: string, message: string, action: PlannedAction, dt = 2) => {
      at(dt, action);
      tracked[c.name]!.failure = { reason, message };
      return { ok: false as const };
    };
    const nameError = imageNameError(image);
    if (nameError) {
      const event = invalidImageName(image, nameError);
      return fail('InvalidImageName', event.message, {
        kind: 'image-error',
        container: c.name,
        image,
        reason: 'InvalidImageName',
        events: [event, startFailed('InvalidImageName')],
      });
    }
    const images = nodeImages();
    const decision = pullDecision(images, input.node, c);
    if (decision.kind === 'present') {
      at(2, { kind: 'image', container: c.name, image, event: imageAlreadyPresent(image), phase: 'present' });
      const served = registryImage(input.images, image);
      return { ok: true, imageID: served ? imageID(image, served.digest) : '' };
    }
    if (decision.kind === 'never-absent') {
      const event = imageNeverPull(image);
      return fail('ErrImageNeverPull', event.message, {
        kind: 'image-error',
        container: c.name,
        image,
        reason: 'ErrImageNeverPull',
        events: [event, startFailed('ErrImageNeverPull')],
      });
    }
    const key = `${pod.metadata?.uid ?? ''}_${image}`;
    if (inBackOffSinceUpdate(imageBackoff, key, t)) {
      // v1.33 keeps the last pull error with the back-off entry and repeats it in the waiting
      // message (prevPullErrMsg, FIDELITY §9.4).
      const prev = pullErrors[key];
      const message = `Back-off pulling image ${JSON.stringify(image)}${prev ? `: ErrImagePull: ${prev}` : ''}`;
      return fail('ImagePullBackOff', message, {
        kind: 'image-error',
        container: c.name,
        image,
        reason: 'ImagePullBackOff',
        events: [backOffPullingImage(image), startFailed('ImagePullBackOff')],
        backoffMs: imageBackoff[key]!.backoffMs,
      });
    }
    at(2, { kind: 'image', container: c.name, image, event: pullingImage(image), phase: 'pulling' });
    if (decision.kind === 'not-found') {
      const err = notFoundError(image);
      const failedAt = t + 300 + rng.int(400);
      const entry = backoffNext(imageBackoff, key, failedAt);
      pullErrors[key] = err;
      return fail(
        'ErrImagePull',
        err,
        {
          kind: 'image-error',
          container: c.name,
          image,
          reason: 'ErrImagePull',
          events: [failedToPullImage(image, err), startFailed('ErrImagePull')],
          backoffMs: entry.backoffMs,
        },
        failedAt - t,
      );
    }
    // Nothing else is queued on the node's (serialized) image puller: waiting adds no time. A re-pull
    // (policy Always) of layers already on the node only resolves the manifest.
    const pullMs = pullDurationMs(imagePresentOnNode(images, input.node, image) ? 0 : decision.size, rng);
    pulled.push(image);
    at(pullMs, {
      kind: 'image',
      container: c.name,
      image,
      event: pulledImage(image, pullMs, pullMs, decision.size),
      phase: 'pulled',
    });
    return { ok: true, imageID: imageID(image, decision.digest) };
  };

  /** startContainer: image, config, CreateContainer, StartContainer. Returns whether it started. */
  const startContainer = (c: Container): boolean => {
    const image = ensureImage(c);
    if (!image.ok) return false;
    const configError = containerConfigError(pod, c, input.cluster);
    if (configError) {
      at(2, {
        kind: 'config-error',
        container: c.name,
        message: configError,
        events: [startFailed(configError)],
      });
      tracked[c.name]!.failure = { reason: 'CreateContainerConfigError', message: configError };
      return false;
    }
    const containerID = `containerd://${rng.hex(64)}`;
    at(30 + rng.int(40), { kind: 'created', container: c.name, containerID, event: createdContainer(c.name) });
    at(40 + rng.int(60), { kind: 'started', container: c.name, event: startedContainer(c.name) });
    const exit = containerExit(input.images, c);
    const track = tracked[c.name]!;
    delete track.failure;
    track.runs.push({
      containerID,
      image: normalizeImageRef(c.image ?? '').name,
      imageID: image.imageID,
      startedMs: t,
      startedAt: input.wallTime(t),
      ...(exit ? { exit } : {}),
      // The readiness worker starts at Failure, the startup worker at Unknown (not started).
      ready: !probesOf(c).some((p) => p.type === 'readiness'),
      started: !probesOf(c).some((p) => p.type === 'startup'),
    });
    return true;
  };

  /** One sync; returns whether the runtime changed (the PLEG will notice) and whether it failed. */
  const sync = (first: boolean): { changed: boolean; failed: boolean } => {
    if (!first) writeStatus();
    let changed = first; // the first sync created the sandbox
    let failed = false;
    // computePodActions: the first init container that has not exited 0 runs alone, to completion;
    // the regular containers start once every init container has.
    const initDone = (c: Container) => tracked[c.name]!.runs.at(-1)?.finished?.exitCode === 0;
    const pendingInit = inits.find((c) => !initDone(c));
    for (const c of pendingInit ? [pendingInit] : containers) {
      const track = tracked[c.name]!;
      const latest = track.runs.at(-1);
      if (latest && !latest.finished) {
        if (!latest.changed) {
          if (latest.unhealthy && !latest.killing) kill(c, latest);
          continue;
        }
        replace(c, latest);
      } else if (latest?.finished) {
        if (!shouldRestart(pod, c, latest.finished.exitCode)) continue;
        // doBackOff, keyed by the container, measured from the last exit.
        const key = c.name;
        if (inBackOffSince(crashBackoff, key, latest.finishedMs!, t)) {
          const backoffMs = crashBackoff[key]!.backoffMs;
          const message = `back-off ${formatGoDuration(backoffMs)} restarting failed container=${c.name} pod=${formatPod(pod)}`;
          at(1, {
            kind: 'crash-backoff',
            container: c.name,
            backoffMs,
            events: [backOffRestarting(c.name, formatPod(pod))],
          });
          track.failure = { reason: 'CrashLoopBackOff', message };
          failed = true;
          continue;
        }
        backoffNext(crashBackoff, key, t, latest.finishedMs);
      }
      if (startContainer(c)) changed = true;
      else failed = true;
    }
    return { changed, failed };
  };

  /**
   * computePodActions kills a container whose liveness (or startup) probe failed: a Killing event, then
   * StopContainer with the grace period. The image's behaviour has no SIGTERM handler, and PID 1 ignores
   * a signal it does not handle, so the runtime SIGKILLs it when the grace period ends: exit code 137.
   */
  const kill = (c: Container, run: Run) => {
    const probe = run.unhealthy === 'startup' ? c.startupProbe : c.livenessProbe;
    const graceS =
      probe?.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    at(1, {
      kind: 'killing',
      container: c.name,
      cause: run.unhealthy ?? 'liveness',
      graceSeconds: graceS,
      events: [killingUnhealthy(c.name, run.unhealthy ?? 'liveness')],
    });
    stopAfterGrace(run, graceS, `the kubelet stopped it after its failed ${run.unhealthy} probe`);
  };

  /**
   * StopContainer: SIGTERM, then SIGKILL when the grace period ends. The image's behaviour has no
   * SIGTERM handler, and PID 1 ignores a signal it does not handle, so it is the SIGKILL: exit 137.
   */
  const stopAfterGrace = (run: Run, graceS: number, why: string) => {
    run.killing = true;
    run.exit = {
      afterMs: t + graceS * 1000 - run.startedMs,
      exitCode: 137,
      reason: 'Error',
      why: `${why}: PID 1 ignored SIGTERM (the image's behaviour has no handler), so the runtime sent SIGKILL after the ${graceS} s grace period`,
    };
  };

  /**
   * computePodActions: a running container whose definition changed is killed ("definition changed,
   * will be restarted") and started again in the same SyncPod, whatever the restart policy:
   * killContainer waits for StopContainer to return, and doBackOff judges by the status from before
   * the kill, in which the container was running (no back-off).
   */
  const replace = (c: Container, run: Run) => {
    const graceS = pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    at(1, {
      kind: 'killing',
      container: c.name,
      cause: 'changed',
      graceSeconds: graceS,
      events: [killingDefinitionChanged(c.name)],
    });
    stopAfterGrace(run, graceS, `the kubelet replaces it now that its image is ${c.image ?? ''}`);
    t = run.startedMs + run.exit!.afterMs;
    finish(run, true);
  };

  /** The runtime saw the run's process end, now: its terminated state, and the step that says why. */
  const finish = (run: Run, replaced = false) => {
    const e = run.exit!;
    run.finished = {
      exitCode: e.exitCode,
      reason: e.reason,
      startedAt: run.startedAt,
      finishedAt: input.wallTime(t),
      containerID: run.containerID,
    };
    run.finishedMs = t;
    const name = all.find((c) => tracked[c.name]!.runs.includes(run))?.name ?? '';
    steps.push({
      at: t,
      action: {
        kind: 'exited',
        container: name,
        exitCode: e.exitCode,
        reason: e.reason,
        why: e.why,
        ...(replaced ? { replaced } : {}),
      },
    });
  };

  /** prober/worker.go doProbe at `t`; returns whether the pod's status or sync is affected. */
  const probeTick = (w: ProbeWorker, tickAt: number): { status: boolean; sync: boolean } => {
    const none = { status: false, sync: false };
    const run = tracked[w.container.name]!.runs.at(-1);
    // The tick may fall inside a sync planned as one block: judge by the container as it was then.
    if (!run || run.finished || run.killing || run.startedMs > tickAt) return none;
    if (w.containerID !== run.containerID) {
      w.containerID = run.containerID;
      delete w.lastResult;
      w.resultRun = 0;
      w.onHold = false;
    }
    if (w.onHold) return none;
    if (w.spec.type === 'startup' ? run.started : !run.started) return none;
    if (Math.floor((t - run.startedMs) / 1000) < w.spec.initialDelayMs / 1000) return none;
    const output = probeFailure(
      w.container,
      w.spec.probe,
      behaviorOf(input.images, w.container.image ?? ''),
      input.podIP,
    );
    const ok = output === undefined;
    if (!ok)
      at(0, {
        kind: 'unhealthy',
        container: w.container.name,
        probe: w.spec.type,
        events: [unhealthy(w.spec.type, output)],
      });
    w.resultRun = w.lastResult === ok ? w.resultRun + 1 : 1;
    w.lastResult = ok;
    if (w.resultRun < (ok ? w.spec.successThreshold : w.spec.failureThreshold)) return none;
    if (w.spec.type === 'readiness') {
      const changed = run.ready !== ok;
      run.ready = ok;
      return { status: changed, sync: false };
    }
    if (ok) {
      if (w.spec.type !== 'startup' || run.started) return none;
      run.started = true;
      return { status: true, sync: false };
    }
    w.onHold = true;
    w.resultRun = 0;
    run.unhealthy = w.spec.type;
    return { status: false, sync: true };
  };

  const probeWorkers: ProbeWorker[] = all.flatMap((c) =>
    probesOf(c).map((spec) => ({ container: c, spec, nextTick: start, resultRun: 0, onHold: false })),
  );
  /** A probe worker whose next tick changes nothing (a passing probe already counted) is not pending work. */
  const probeQuiet = (w: ProbeWorker) => {
    const run = tracked[w.container.name]!.runs.at(-1);
    if (!run || run.finished || run.killing || (w.onHold && w.containerID === run.containerID)) return true;
    if (w.spec.type === 'startup' && run.started) return true;
    const output = probeFailure(
      w.container,
      w.spec.probe,
      behaviorOf(input.images, w.container.image ?? ''),
      input.podIP,
    );
    if (output !== undefined) return false;
    return w.spec.type === 'readiness' ? run.ready : w.spec.type === 'liveness';
  };

  const currentStates = () => all.map(stateOf).filter((s): s is ContainerState => !!s);
  const writeStatus = () => {
    const states = currentStates();
    const key = JSON.stringify(states);
    if (key === lastStatus) return;
    lastStatus = key;
    at(0, { kind: 'status-synced', containers: states });
  };

  const nextExit = () => {
    let best: { run: Run; ms: number } | undefined;
    for (const c of all)
      for (const run of tracked[c.name]!.runs)
        if (run.exit && !run.finished) {
          const ms = run.startedMs + run.exit.afterMs;
          if (!best || ms < best.ms) best = { run, ms };
        }
    return best;
  };

  let next: number | undefined = t;
  // A new pod's first sync created the sandbox (its first status was written before); an update's
  // first sync starts from the status the pod has, which it rewrites only if something changed.
  let first = !input.previous;
  if (input.previous) lastStatus = JSON.stringify(currentStates());
  for (;;) {
    const exit = nextExit();
    const busy = next !== undefined || exit !== undefined || probeWorkers.some((w) => !probeQuiet(w));
    const tick = busy
      ? probeWorkers.reduce<ProbeWorker | undefined>((a, w) => (!a || w.nextTick < a.nextTick ? w : a), undefined)
      : undefined;
    if (tick && (next === undefined || tick.nextTick < next) && (!exit || tick.nextTick < exit.ms)) {
      if (tick.nextTick > limit) return stopAtHorizon(tick.nextTick);
      const tickAt = tick.nextTick;
      t = Math.max(t, tickAt);
      tick.nextTick += tick.spec.periodMs;
      const effect = probeTick(tick, tickAt);
      if (effect.status) writeStatus();
      if (effect.sync) next = next === undefined ? t + 1 : Math.min(next, t + 1);
      continue;
    }
    if (exit && (next === undefined || exit.ms <= next)) {
      if (exit.ms > limit) return stopAtHorizon(exit.ms);
      t = exit.ms;
      finish(exit.run);
      const pleg = t + plegDelay(rng);
      next = next === undefined ? pleg : Math.min(next, pleg);
      continue;
    }
    if (next === undefined) return {};
    if (next > limit) return stopAtHorizon(next);
    t = Math.max(t, next);
    const result = sync(first);
    first = false;
    next = result.changed ? t + plegDelay(rng) : result.failed ? t + podWorkerRequeueMs(rng) : undefined;
  }
  /** The loop goes on past the horizon: say what comes next, and when the kubelet would act again. */
  function stopAtHorizon(resumeAt: number): { resumeAt: number } {
    markHorizon(
      steps,
      imageBackoff,
      crashBackoff,
      probeWorkers.find((w) => !probeQuiet(w)),
    );
    return { resumeAt };
  }
}

/**
 * The last planned step of a loop the horizon cuts off says what the kubelet would do next, from the
 * back-off state (the crash-loop back-off first, then the image back-off).
 */
function markHorizon(steps: PlannedStep[], image: Backoff, crash: Backoff, probing?: ProbeWorker): void {
  const last = steps.at(-1);
  if (!last) return;
  const max = formatGoDuration(BACKOFF_MAX_MS);
  const current = (b: Backoff) => Math.max(0, ...Object.values(b).map((e) => e.backoffMs));
  const crashMs = current(crash);
  const imageMs = current(image);
  const retry = crashMs
    ? `From here the kubelet restarts the container ${formatGoDuration(crashMs)} after its last exit, the back-off doubling after each crash up to ${max}`
    : imageMs
      ? `From here the kubelet pulls again ${formatGoDuration(imageMs)} after the last failure, the back-off doubling after each failure up to ${max}`
      : probing
        ? `From here the ${probing.spec.type} probe of ${probing.container.name} keeps failing every ${formatGoDuration(probing.spec.periodMs)}`
        : 'From here the kubelet retries each time its pod worker re-syncs the pod, every 10–15 s';
  last.horizon = `${retry}; the simulation stops here.`;
}
