/**
 * The scenario's address: `#/scenario/<id>` (issue: one URL per preset). A hash route works on any
 * static host and from a subpath, with no server rewrite rules.
 */
const ROUTE = /^#\/scenario\/([a-z0-9][a-z0-9-]{0,62})\/?$/;

/** The preset id in a location hash, if the hash is a scenario route. */
export function presetIdFromHash(hash: string): string | undefined {
  return ROUTE.exec(hash)?.[1];
}

export const hashOfPreset = (id: string): string => `#/scenario/${id}`;
