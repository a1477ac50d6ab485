/**
 * The presets' texts (every manifest, cluster and kubeconfig of the gallery, about 17 KiB gzip). The
 * full app hands them over at start (main.tsx: its editor shows them at once); the embed never needs
 * them for a preset, whose recorded run carries its own texts, so it loads them only to open a link to
 * an edited scenario or a name it has no recording for. Keeping them out of the store's imports keeps
 * them out of the embed's first load.
 */
import type { ManifestExample, ScenarioPreset } from '@scenarios';
import type { ScenarioSource } from '@sim';

export interface Catalog {
  presets: readonly ScenarioPreset[];
  examples: readonly ManifestExample[];
}

let current: Catalog | undefined;

/** The catalog, if it has been provided or loaded. */
export const catalogNow = (): Catalog | undefined => current;

export function provideCatalog(catalog: Catalog): Catalog {
  if (catalog.presets.length === 0) throw new Error('no scenario presets are defined');
  current = catalog;
  return catalog;
}

/** The catalog, loading its chunk the first time. */
export async function loadCatalog(): Promise<Catalog> {
  if (current) return current;
  const { PRESETS, EXAMPLES } = await import('@scenarios');
  return provideCatalog({ presets: PRESETS, examples: EXAMPLES });
}

/** The preset a name stands for (its id or one of its aliases), if any. */
export const presetNamed = (catalog: Catalog, name: string): ScenarioPreset | undefined =>
  catalog.presets.find((p) => p.id === name) ?? catalog.presets.find((p) => p.aliases?.includes(name));

/** Whether `source` is a preset's texts and settings as shipped (the same object, or equal field by field). */
export function isShipped(source: ScenarioSource, catalog = current): boolean {
  const preset = catalog?.presets.find((p) => p.id === source.id);
  if (!preset) return false;
  return (
    preset.source === source ||
    (Object.keys(preset.source) as (keyof ScenarioSource)[]).every(
      (k) => JSON.stringify(preset.source[k]) === JSON.stringify(source[k]),
    )
  );
}
