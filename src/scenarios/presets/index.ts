export { PRESETS } from './catalog';
export { GATES, type Gate, type ScenarioPreset } from './types';
