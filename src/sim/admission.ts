/**
 * The admission chain of kube-apiserver v1.33 as kubeadm runs it, restricted to the plugins that act
 * on pods, in the order of k/k pkg/kubeapiserver/options/plugins.go AllOrderedPlugins. Mutating
 * plugins (Admit) run first, in order, each seeing the previous one's object; after validation the
 * validating plugins (Validate) run in the same order (apiserver@v0.33.0 pkg/endpoints/handlers/create.go).
 */
import { diffObjects } from './diff';
import { defaultTolerationSeconds } from './admission/defaultTolerationSeconds';
import { limitRanger } from './admission/limitRanger';
import { namespaceLifecycle } from './admission/namespaceLifecycle';
import { nodeRestriction } from './admission/nodeRestriction';
import { podSecurity } from './admission/podSecurity';
import { priority } from './admission/priority';
import { resourceQuota } from './admission/resourceQuota';
import { serviceAccount } from './admission/serviceAccount';
import { taintNodesByCondition } from './admission/taintNodesByCondition';
import type { AdmissionAttributes, AdmissionEnv, AdmissionPlugin, PluginOutcome } from './admission/types';

export type { AdmissionAttributes, AdmissionEnv, AdmissionPlugin, PluginOutcome } from './admission/types';
export { SERVICE_ACCOUNT_MOUNT_PATH, TOKEN_EXPIRATION_SECONDS, tokenVolume } from './admission/serviceAccount';
export { NOT_READY_TOLERATION, UNREACHABLE_TOLERATION } from './admission/defaultTolerationSeconds';
export { MISSING_NAMESPACE_WAIT_MS } from './admission/namespaceLifecycle';

/** The plugins in AllOrderedPlugins order (NodeRestriction is enabled by kubeadm). */
export const ADMISSION_PLUGINS: readonly AdmissionPlugin[] = [
  namespaceLifecycle,
  limitRanger,
  serviceAccount,
  nodeRestriction,
  taintNodesByCondition,
  podSecurity,
  priority,
  defaultTolerationSeconds,
  resourceQuota,
];

export const MUTATING_PLUGINS = ADMISSION_PLUGINS.filter((p) => p.admit);
export const VALIDATING_PLUGINS = ADMISSION_PLUGINS.filter((p) => p.validate);

/** Runs one plugin in one phase and records what it did, with its changes attributed to it. */
export function runPlugin(
  plugin: AdmissionPlugin,
  phase: 'mutating' | 'validating',
  a: AdmissionAttributes,
  env: AdmissionEnv,
): PluginOutcome {
  const fn = phase === 'mutating' ? plugin.admit : plugin.validate;
  const result = fn ? fn(a, env) : { verdict: 'skipped' as const, note: `${plugin.name} has no ${phase} phase.` };
  const object = phase === 'mutating' && result.object ? result.object : a.object;
  const changes = phase === 'mutating' && result.object ? diffObjects(a.object, result.object, plugin.name) : [];
  const verdict = result.verdict === 'allowed' && changes.length > 0 ? 'mutated' : result.verdict;
  return {
    record: { plugin: plugin.name, phase, verdict, note: result.note, ...(changes.length ? { changes } : {}) },
    object,
    ...(result.denied ? { denied: result.denied } : {}),
    waitMs: result.waitMs ?? 0,
    warnings: result.warnings ?? [],
  };
}

/** Runs a whole phase, stopping at the first denial. */
export function runPhase(phase: 'mutating' | 'validating', a: AdmissionAttributes, env: AdmissionEnv): PluginOutcome[] {
  const plugins = phase === 'mutating' ? MUTATING_PLUGINS : VALIDATING_PLUGINS;
  const out: PluginOutcome[] = [];
  let attrs = a;
  for (const p of plugins) {
    const o = runPlugin(p, phase, attrs, env);
    out.push(o);
    if (o.denied) break;
    attrs = { ...attrs, object: o.object };
  }
  return out;
}
