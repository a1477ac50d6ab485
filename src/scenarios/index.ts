// The scenarios layer's public surface: preset data shared by the UI and the tests ('@scenarios').
export { DEFAULT_MANIFEST, PRESETS, defaultScenario, type ScenarioPreset } from './defaultScenario';
export { defaultCluster, defaultIdentity, defaultImages, NODES } from './defaultCluster';
