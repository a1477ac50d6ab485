/**
 * Every preset's run, recorded at build time (loaded by scripts/recordedRunsPlugin.ts through Vite's
 * module runner, with the app's aliases): the engine's own `recordRun`, so a recorded run is exactly
 * what the browser would compute.
 */
import { PRESETS } from '@scenarios';
import { recordRun } from '../src/ui/engine/engine';
import { packRecordedRun } from '../src/ui/store/recorded';

export interface RecordedFile {
  id: string;
  json: string;
}

export function recordPresets(): RecordedFile[] {
  return PRESETS.flatMap((p) => {
    const run = recordRun(p.source);
    return run ? [{ id: p.id, json: JSON.stringify(packRecordedRun(run)) }] : [];
  });
}
