/**
 * One scheduling cycle for one pod (k/k pkg/scheduler/schedule_one.go schedulePod, findNodesThatFitPod,
 * prioritizeNodes, selectHost): PreFilter → Filter → (PostFilter when nothing fits) → PreScore →
 * Score → NormalizeScore → weighted totals → pick the best, ties broken at random.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../random';
import type { NodeSchedulingResult, SchedulingResult } from '../trace';
import { FILTER_PLUGINS, type PreFilterStatus } from './filters';
import { fitErrorMessage } from './fitError';
import { preempt, type PreemptionOutcome } from './preemption';
import { SCORE_PLUGINS } from './scores';
import type { NodeInfo, Snapshot } from './snapshot';
import { message, SUCCESS, unresolvable, type Status } from './status';

export interface ScheduleOutcome {
  result: SchedulingResult;
  /** Nodes that passed every filter, in node order. */
  feasible: string[];
  /** The FitError text (FailedScheduling message, before truncation) when nothing fits. */
  fitError?: string;
  /** DefaultPreemption's outcome when nothing fits. */
  preemption?: PreemptionOutcome;
  /**
   * The plugins that rejected the pod (Diagnosis.UnschedulablePlugins): the PreFilter that refused it,
   * or every Filter plugin that refused some node. Their QueueingHints decide when it is retried.
   */
  unschedulablePlugins: string[];
  /**
   * True when exactly one node passed the filters: schedulePod then returns it without scoring
   * ("When only one node after predicate, just use it.").
   */
  scoringSkipped: boolean;
}

type FilterEntry = NodeSchedulingResult['filters'][number];

const toEntry = (plugin: string, s: Status): FilterEntry =>
  s.code === 'Success'
    ? { plugin, status: 'Success' }
    : { plugin, status: s.code === 'Skip' ? 'Skipped' : s.code, reason: message(s) };

/** Runs the filters the PreFilter step left active, stopping at the first failure (RunFilterPlugins). */
function runFilters(
  pod: Pod,
  node: NodeInfo,
  snapshot: Snapshot,
  skipped: ReadonlySet<string>,
): { status: Status; plugin?: string; entries: FilterEntry[] } {
  const entries: FilterEntry[] = [];
  for (const pl of FILTER_PLUGINS) {
    if (skipped.has(pl.name)) {
      entries.push({ plugin: pl.name, status: 'Skipped' });
      continue;
    }
    const s = pl.filter(pod, node, snapshot);
    entries.push(toEntry(pl.name, s));
    if (s.code !== 'Success') return { status: s, plugin: pl.name, entries };
  }
  return { status: SUCCESS, entries };
}

/** selectHost: the highest total wins; among equal totals each is kept with probability 1/count. */
function selectHost(nodes: readonly NodeSchedulingResult[], rng: Rng): string | undefined {
  const best = Math.max(...nodes.map((n) => n.total ?? 0));
  let selected: string | undefined;
  let count = 0;
  for (const n of nodes) {
    if ((n.total ?? 0) !== best) continue;
    count++;
    if (count === 1 || rng.int(count) === 0) selected = n.node;
  }
  return selected;
}

export function schedulePod(pod: Pod, snapshot: Snapshot, rng: Rng): ScheduleOutcome {
  const base = {
    filterPlugins: FILTER_PLUGINS.map((p) => p.name),
    scorePlugins: SCORE_PLUGINS.map((p) => ({ name: p.name, weight: p.weight })),
  };
  const numAllNodes = snapshot.nodes.length;

  // PreFilter: Skip removes a plugin's Filter; the first rejection fails the pod on every node.
  const skipped = new Set<string>();
  let onlyNodes: Set<string> | undefined;
  const pluginsWithNodes: string[] = [];
  for (const pl of FILTER_PLUGINS) {
    const s: PreFilterStatus = pl.preFilter?.(pod, snapshot) ?? SUCCESS;
    if (s.code === 'Skip') skipped.add(pl.name);
    else if (s.code !== 'Success') {
      const statuses = new Map(snapshot.nodes.map((n) => [n.name, s]));
      const preemption = preempt(pod, snapshot, statuses, () => s);
      const fitError = fitErrorMessage({
        numAllNodes,
        nodeStatuses: [],
        preFilterMsg: message(s),
        postFilterMsg: preemption.message,
      });
      return {
        result: {
          ...base,
          nodes: snapshot.nodes.map((n) => ({ node: n.name, filters: [toEntry(pl.name, s)] })),
          failureMessage: fitError,
          unschedulablePlugins: [pl.name],
        },
        feasible: [],
        fitError,
        preemption,
        unschedulablePlugins: [pl.name],
        scoringSkipped: false,
      };
    } else if (s.nodeNames) {
      // RunPreFilterPlugins merges PreFilterResults by intersection.
      pluginsWithNodes.push(pl.name);
      onlyNodes = new Set(s.nodeNames.filter((n) => !onlyNodes || onlyNodes.has(n)));
    }
  }
  // schedule_one.go findNodesThatFitPod: nodes outside the PreFilterResult are not filtered; they
  // share one status (NodeToStatus.SetAbsentNodesStatus).
  const absent = unresolvable(`node(s) didn't satisfy plugin(s) [${pluginsWithNodes.join(' ')}]`);
  const candidates = snapshot.nodes.filter((n) => !onlyNodes || onlyNodes.has(n.name));

  const filtered = candidates.map((n) => ({ node: n, ...runFilters(pod, n, snapshot, skipped) }));
  const feasible = filtered.filter((f) => f.status.code === 'Success').map((f) => f.node);
  const nodes: NodeSchedulingResult[] = snapshot.nodes.map((n) => {
    const f = filtered.find((x) => x.node === n);
    return { node: n.name, filters: f ? f.entries : [toEntry(pluginsWithNodes.join(', '), absent)] };
  });

  if (feasible.length === 0) {
    const statuses = new Map(filtered.map((f) => [f.node.name, f.status]));
    const preemption = preempt(pod, snapshot, statuses, (n) => runFilters(pod, n, snapshot, skipped).status);
    const fitError = fitErrorMessage({
      numAllNodes,
      nodeStatuses: [...statuses.values()],
      absent,
      postFilterMsg: preemption.message,
    });
    const rejectors = filtered.flatMap((f) => (f.plugin ? [f.plugin] : []));
    if (candidates.length < snapshot.nodes.length) rejectors.push(...pluginsWithNodes);
    const unschedulablePlugins = [...new Set(rejectors)];
    return {
      result: { ...base, nodes, failureMessage: fitError, unschedulablePlugins },
      feasible: [],
      fitError,
      preemption,
      unschedulablePlugins,
      scoringSkipped: false,
    };
  }

  if (feasible.length === 1) {
    return {
      result: { ...base, nodes, selected: feasible[0]!.name },
      feasible: [feasible[0]!.name],
      unschedulablePlugins: [],
      scoringSkipped: true,
    };
  }

  // PreScore, Score, NormalizeScore, weights.
  const scorePlugins = SCORE_PLUGINS.map((pl) => ({ pl, skipped: pl.skip(pod, snapshot) }));
  const perPlugin = scorePlugins.map(({ pl, skipped }) => {
    const raw = feasible.map((n) => (skipped ? 0 : pl.score(pod, n, snapshot)));
    const normalized = skipped || !pl.normalize ? raw : pl.normalize(raw);
    return { pl, skipped, raw, normalized };
  });
  for (const n of nodes) {
    const i = feasible.findIndex((f) => f.name === n.node);
    if (i < 0) continue;
    n.scores = perPlugin.map(({ pl, raw, normalized }) => ({
      plugin: pl.name,
      raw: raw[i]!,
      score: normalized[i]!,
      weight: pl.weight,
      weighted: normalized[i]! * pl.weight,
    }));
    n.total = n.scores.reduce((sum, s) => sum + s.weighted, 0);
  }
  const selected = selectHost(
    nodes.filter((n) => n.total !== undefined),
    rng,
  );
  return {
    result: {
      ...base,
      scorePlugins: scorePlugins.map(({ pl, skipped }) => ({
        name: pl.name,
        weight: pl.weight,
        ...(skipped ? { skipped } : {}),
      })),
      nodes,
      ...(selected ? { selected } : {}),
    },
    feasible: feasible.map((n) => n.name),
    unschedulablePlugins: [],
    scoringSkipped: false,
  };
}
