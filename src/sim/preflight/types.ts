/** The shapes the pre-flight checks share. */
import type { Diagnostic, DiagnosticSource, ManifestDocument, SourceRange } from '../manifest';
import type { ImageFacts, KubeObject } from '../scenario';
import type { Place } from '../trace';

export interface PreflightOutcome {
  /** What the journey would do, in journey order: the first error decides. */
  verdict: 'rejected' | 'unschedulable' | 'failing' | 'runs' | 'unreadable';
  /** The component and gate, e.g. `kube-apiserver · PodSecurity admission`, and the message a real cluster gives. */
  stage: string;
  message: string;
  /** The manifest line it points at, when there is one. */
  line?: number;
}

export interface Preflight {
  diagnostics: Diagnostic[];
  outcome: PreflightOutcome;
}

/** A gate of the journey: who checks, under which name, where the trace records it. */
export interface Gate {
  source: DiagnosticSource;
  stage: string;
  place: Place;
}

/** One document being checked: where it is, its text, and the cluster as it stands when it is sent. */
export interface DocContext {
  doc: ManifestDocument;
  lines: readonly string[];
  text: string;
  cluster: readonly KubeObject[];
  images: ImageFacts;
}

/** A gate said no (or would leave the pod stuck): the outcome it gives, with its diagnostics. */
export interface Stop {
  verdict: PreflightOutcome['verdict'];
  gate: Gate;
  message: string;
  diagnostics: Diagnostic[];
}

export function diagnostic(
  gate: Gate,
  severity: Diagnostic['severity'],
  message: string,
  range: SourceRange,
  extra: Pick<Diagnostic, 'path' | 'fixes'> = {},
): Diagnostic {
  const { source, stage, place } = gate;
  return {
    severity,
    message,
    source,
    range,
    stage,
    place,
    ...(extra.path !== undefined ? { path: extra.path } : {}),
    ...(extra.fixes?.length ? { fixes: extra.fixes } : {}),
  };
}
