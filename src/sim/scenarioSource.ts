/**
 * Turns the three texts the person edits (manifest, cluster, kubeconfig) into the input of a run.
 * The cluster and the kubeconfig must be readable for a run to exist at all; the manifest may be
 * anything, because kubectl's reading of it is part of the journey.
 */
import { parseCluster, type ParsedCluster } from './clusterYaml';
import { parseKubeconfig, type ParsedKubeconfig } from './kubeconfig';
import type { Diagnostic } from './manifest';
import { parseManifest } from './manifest';
import type { Intervention, KubeObject, ScenarioFile, ScenarioInput, ScenarioSource } from './scenario';

export type BuildResult =
  | { ok: true; input: ScenarioInput }
  | { ok: false; file: Exclude<ScenarioFile, 'manifest'>; error: string; diagnostics: Diagnostic[] };

const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');

function refusal(file: 'cluster' | 'kubeconfig', name: string, ds: Diagnostic[]): BuildResult {
  const errors = errorsOf(ds);
  const first = errors[0];
  const where = first ? `line ${first.range.startLine}: ${first.message}` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return {
    ok: false,
    file,
    error: `${name} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}, ${where}${more}`,
    diagnostics: ds,
  };
}

/** Interventions are written as YAML too; their objects are read the way the cluster's are. */
function interventionsOf(source: ScenarioSource): Intervention[] {
  return (source.interventions ?? []).map((i) => ({
    atMs: i.atMs,
    title: i.title,
    objects: parseCluster(i.yaml).objects,
  }));
}

/**
 * `read` parses the cluster text; a caller that has already parsed the same text (the editor checks it
 * as the person types) passes its reader, so the 1,000-line default cluster is not parsed twice.
 */
export function buildScenario(
  source: ScenarioSource,
  read: (clusterText: string) => ParsedCluster = parseCluster,
): BuildResult {
  const cluster = read(source.cluster);
  if (errorsOf(cluster.diagnostics).length) return refusal('cluster', 'cluster.yaml', cluster.diagnostics);
  const kubeconfig = parseKubeconfig(source.kubeconfig, cluster.objects, source.startTime);
  if (errorsOf(kubeconfig.diagnostics).length) return refusal('kubeconfig', 'kubeconfig', kubeconfig.diagnostics);
  return { ok: true, input: scenarioInput(source, cluster, kubeconfig) };
}

/** The input of a run from the three texts, once the cluster and the kubeconfig have been read. */
export function scenarioInput(
  source: ScenarioSource,
  cluster: ParsedCluster,
  kubeconfig: ParsedKubeconfig,
): ScenarioInput {
  const interventions = interventionsOf(source);
  return {
    id: source.id,
    title: source.title,
    manifest: source.manifest,
    fileName: source.fileName,
    command: source.command,
    cluster: cluster.objects,
    identity: kubeconfig.identity,
    images: cluster.images,
    seed: source.seed,
    startTime: source.startTime,
    horizonMs: source.horizonMs,
    ...(interventions.length ? { interventions } : {}),
  };
}

/** The manifest's problems as kubectl finds them reading the file. */
export const diagnoseManifest = (text: string, fileName: string): Diagnostic[] =>
  parseManifest(text, fileName).diagnostics;

/** The cluster text's problems, and its objects (the kubeconfig's client CA is read from them). */
export function diagnoseCluster(text: string): { diagnostics: Diagnostic[]; objects: KubeObject[] } {
  const { diagnostics, objects } = parseCluster(text);
  return { diagnostics, objects };
}

/** The kubeconfig's problems against the cluster's objects, at the scenario's start time. */
export const diagnoseKubeconfig = (text: string, cluster: readonly KubeObject[], startTime: string): Diagnostic[] =>
  parseKubeconfig(text, cluster, startTime).diagnostics;
