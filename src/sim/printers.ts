/**
 * What kubectl prints: `kubectl get pods` rows (server-side table columns NAME READY STATUS RESTARTS
 * AGE, STATUS from printPod), the `-w` stream with its width-remembering tab writer, and the Events
 * table of `kubectl describe`.
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { KubeEvent } from './trace';

/**
 * apimachinery@v0.33.0 pkg/util/duration/duration.go HumanDuration: `Ns` under 2 min, `XmYs` under
 * 10 min, `Xm` under 3 h, `XhYm` under 8 h, `Xh` under 2 days, `XdYh` under 8 days, `Xd` under 2 years,
 * then `XyYd` up to 8 years and `Xy`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** translateTimestampSince: `<unknown>` for a missing timestamp, else HumanDuration of the age. */
function since(timestamp: string | undefined, nowMs: number): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  return Number.isFinite(t) ? humanDuration(nowMs - t) : '<unknown>';
}

const isRestartableInit = (c: Container | undefined) => c?.restartPolicy === 'Always';

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  lastRestart?: string;
}

/**
 * k/k pkg/printers/internalversion/printers.go printPod (v1.33): the STATUS column starts from the
 * phase (or status.reason), then init containers in order, then containers from last to first (so
 * the first container's reason wins), then deletion.
 */
function summarize(pod: Pod): PodSummary {
  const status = pod.status ?? {};
  const inits = pod.spec?.initContainers ?? [];
  let reason: string = status.reason || status.phase || '';
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated'))
    reason = 'SchedulingGated';
  const total = (pod.spec?.containers ?? []).length + inits.filter(isRestartableInit).length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;
  const later = (a: string | undefined, b: string | undefined) => (!a || (b && b > a) ? b : a);

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const spec = inits.find((s) => s.name === c.name);
    restarts += c.restartCount;
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
    if (isRestartableInit(spec)) {
      sidecarRestarts += c.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, c.lastState?.terminated?.finishedAt);
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (isRestartableInit(spec) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term)
      reason = term.reason
        ? `Init:${term.reason}`
        : term.signal
          ? `Init:Signal:${term.signal}`
          : `Init:ExitCode:${term.exitCode}`;
    else if (wait?.reason && wait.reason !== 'PodInitializing') reason = `Init:${wait.reason}`;
    else reason = `Init:${i}/${inits.length}`;
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: ContainerStatus[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // "change pod status back to Running if there is at least one container still reporting as Running"
    if (reason === 'Completed' && hasRunning) {
      reason = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
        ? 'Running'
        : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }
  return { ready, total, reason, restarts, ...(lastRestart ? { lastRestart } : {}) };
}

/** The STATUS column of `kubectl get pods`. */
export const podStatusColumn = (pod: Pod): string => summarize(pod).reason;

export const POD_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'] as const;

/** One `kubectl get pods` row: NAME READY STATUS RESTARTS AGE, at wall-clock `nowMs` (epoch ms). */
export function podRow(pod: Pod, nowMs: number): string[] {
  const s = summarize(pod);
  const restarts =
    s.restarts !== 0 && s.lastRestart ? `${s.restarts} (${since(s.lastRestart, nowMs)} ago)` : String(s.restarts);
  return [
    pod.metadata?.name ?? '',
    `${s.ready}/${s.total}`,
    s.reason,
    restarts,
    since(pod.metadata?.creationTimestamp, nowMs),
  ];
}

/**
 * A tab writer as Go's text/tabwriter: each tab-terminated cell is padded to its column's width (the
 * widest cell plus `padding`, at least `minWidth`); the last cell of a line is not padded. With
 * `widths` it remembers column widths across flushes (github.com/liggitt/tabwriter RememberWidths).
 */
export interface TabWriterOptions {
  minWidth: number;
  padding: number;
}

export function tabulate(
  rows: readonly (readonly string[])[],
  opts: TabWriterOptions,
  remembered: readonly number[] = [],
): { lines: string[]; widths: number[] } {
  const columns = Math.max(0, ...rows.map((r) => r.length - 1));
  const widths = Array.from({ length: columns }, (_, j) =>
    Math.max(
      remembered[j] ?? 0,
      opts.minWidth,
      ...rows.filter((r) => r.length - 1 > j).map((r) => [...r[j]!].length + opts.padding),
    ),
  );
  const lines = rows.map((r) =>
    r.map((cell, j) => (j < r.length - 1 ? cell.padEnd(widths[j]! + cell.length - [...cell].length) : cell)).join(''),
  );
  return { lines, widths };
}

/** cli-runtime@v0.33.0 pkg/printers/tabwriter.go: minwidth 6, tabwidth 4, padding 3, RememberWidths. */
const KUBECTL_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3 };

export interface WatchPrinter {
  /** Column widths the tab writer remembers. */
  widths: number[];
  /** The header goes out once, with the first rows. */
  printedHeader: boolean;
}

export const newWatchPrinter = (): WatchPrinter => ({ widths: [], printedHeader: false });

/**
 * `kubectl get pods -w` prints each watch event's rows and flushes (kubectl@v0.33.0 pkg/cmd/get/get.go
 * watch). The table printer prints the header only with the first non-empty table (it skips headers
 * when there are no rows to display), so an empty namespace prints nothing until a pod appears.
 */
export function printWatchRows(
  state: WatchPrinter,
  rows: readonly string[][],
): { lines: string[]; state: WatchPrinter } {
  if (rows.length === 0) return { lines: [], state };
  const all = state.printedHeader ? rows : [[...POD_COLUMNS], ...rows];
  const { lines, widths } = tabulate(all, KUBECTL_TABWRITER, state.widths);
  return { lines, state: { widths, printedHeader: true } };
}

/**
 * kubectl@v0.33.0 pkg/describe/describe.go DescribeEvents, through describe's tab writer (minwidth 0,
 * padding 2): sorted by last occurrence; repeated events show `<last> (x<count> over <first>)`.
 * `nowT` is simulated ms, like the events' firstT/lastT.
 */
export function describeEvents(events: readonly KubeEvent[], nowT: number): string[] {
  if (events.length === 0) return ['Events:  <none>'];
  const sorted = [...events].sort((a, b) => a.lastT - b.lastT);
  const age = (t: number) => humanDuration(nowT - t);
  const rows = [
    ['  Type', 'Reason', 'Age', 'From', 'Message'],
    ['  ----', '------', '----', '----', '-------'],
    ...sorted.map((e) => [
      `  ${e.type}`,
      e.reason,
      e.count > 1 ? `${age(e.lastT)} (x${e.count} over ${age(e.firstT)})` : age(e.firstT),
      e.from,
      e.message.trim(),
    ]),
  ];
  return ['Events:', ...tabulate(rows, { minWidth: 0, padding: 2 }).lines];
}
