/** The contract between the admission chain and its plugins. */
import type { ClusterView } from '../apiResources';
import type { UserInfo } from '../authn';
import type { Rng } from '../random';
import type { KubeObject } from '../scenario';
import type { GroupResource, Status } from '../status';
import type { AdmissionRecord } from '../trace';

/** admission.Attributes: what the request does to which object. */
export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE';
  resource: GroupResource;
  subresource: string;
  namespace: string;
  /** The object's name (from the URL, else from the object). */
  name: string;
  user: UserInfo;
  /** The object as it stands before this plugin. Plugins never mutate it. */
  object: KubeObject;
  oldObject?: KubeObject;
}

export interface AdmissionEnv {
  cluster: ClusterView;
  rng: Rng;
}

/** What a plugin did: a new object (when it mutated), a denial, or nothing, with one sentence why. */
export interface PluginResult {
  verdict: 'allowed' | 'skipped' | 'denied';
  note: string;
  object?: KubeObject;
  denied?: Status;
  /** Time the plugin itself waits (NamespaceLifecycle waits 50 ms for a namespace it does not know). */
  waitMs?: number;
  /** Warnings for the client (`Warning` response headers), e.g. PodSecurity's warn mode. */
  warnings?: string[];
}

export interface AdmissionPlugin {
  name: string;
  admit?(a: AdmissionAttributes, env: AdmissionEnv): PluginResult;
  validate?(a: AdmissionAttributes, env: AdmissionEnv): PluginResult;
}

/** A plugin's outcome as the trace records it, with the object after it ran. */
export interface PluginOutcome {
  record: AdmissionRecord;
  object: KubeObject;
  denied?: Status;
  waitMs: number;
  warnings: string[];
}

/** admission.NewForbidden: `<resource> "<name>" is forbidden: <err>` (the name falls back to the object's). */
export function admissionForbiddenName(a: AdmissionAttributes): string {
  return a.name || a.object.metadata.name || a.object.metadata.generateName || 'Unknown';
}

export const isPodRequest = (a: AdmissionAttributes): boolean =>
  a.resource.group === '' && a.resource.resource === 'pods';
