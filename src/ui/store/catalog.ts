/**
 * The presets' texts (every manifest, cluster and kubeconfig of the gallery, about 17 KiB gzip). A
 * preset's journey does not need them: its recorded run carries its own texts. So neither the app nor
 * the embed loads them before its first paint: the app fetches them once it is idle (for the gallery,
 * the examples and the other presets), or first when it has saved drafts to restore; both load them to
 * open a link to an edited scenario or a name there is no recording for.
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

/** Whether two scenarios are the same texts and settings (the same object, or equal field by field). */
export const sameSource = (a: ScenarioSource, b: ScenarioSource): boolean =>
  a === b || (Object.keys(a) as (keyof ScenarioSource)[]).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

/** Whether `source` is a preset's texts and settings as shipped (the same object, or equal field by field). */
export function isShipped(source: ScenarioSource, catalog = current): boolean {
  const preset = catalog?.presets.find((p) => p.id === source.id);
  return preset !== undefined && sameSource(preset.source, source);
}
