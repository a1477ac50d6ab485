/**
 * The happy path as a ready-made input, for tests: the gallery's first preset (the story's pod,
 * applied by the cluster admin to the default cluster), optionally with another manifest.
 */
import { buildScenario, type ScenarioInput } from '@sim';
import { PRESETS } from './presets';

export function defaultScenario(manifest?: string): ScenarioInput {
  const happy = PRESETS[0]!.source;
  const built = buildScenario({ ...happy, manifest: manifest ?? happy.manifest });
  // The default texts are part of the build; tests would fail loudly if they stopped parsing.
  if (!built.ok) throw new Error(`the default scenario does not build: ${built.error}`);
  return built.input;
}
