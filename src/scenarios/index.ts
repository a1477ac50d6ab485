// The scenarios layer's public surface: preset data shared by the UI and the tests ('@scenarios').
export { defaultScenario } from './defaultScenario';
export { DEFAULT_MANIFEST } from './presets/manifests';
export { GATES, PRESETS, type Gate, type ScenarioPreset } from './presets';
export {
  DEFAULT_CLUSTER_YAML,
  DEFAULT_KUBECONFIG,
  DEFAULT_START_TIME,
  KUBECONFIGS,
  defaultCluster,
  defaultIdentity,
  defaultImages,
} from './defaultCluster';
export { EXAMPLES, type ManifestExample } from './examples';
export { stressScenario } from './stress';
