/**
 * Small, visible edits of the default cluster text, so each preset's cluster.yaml is the default
 * cluster plus exactly what the scenario changes (with a comment saying so) — a learner can diff it.
 */

/** Replaces the one occurrence of `find`. A preset whose anchor is gone fails its whole-scenario test. */
export function edit(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) return text;
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** Puts documents in front of the cluster, under a heading that says why they are there. */
export const prepend = (cluster: string, why: string, yaml: string): string =>
  `# ── This scenario adds ${'─'.repeat(Math.max(0, 74 - why.length))}\n# ${why}\n---\n${yaml.trimEnd()}\n${cluster.startsWith('---') ? '' : '---\n'}${cluster}`;

/** Adds entries at the top of the ImageRegistry document's image list. */
export const addImages = (cluster: string, entries: string): string =>
  edit(cluster, '\nimages:\n', `\nimages:\n${entries.trimEnd()}\n`);

/** Adds `lines` (indented for a node's spec) at the top of the named Node's `spec:`. */
export function editNodeSpec(cluster: string, node: string, lines: string): string {
  const start = cluster.indexOf(`kind: Node\nmetadata:\n  name: ${node}\n`);
  if (start < 0) return cluster;
  const spec = cluster.indexOf('\nspec:\n', start);
  if (spec < 0) return cluster;
  const at = spec + '\nspec:\n'.length;
  return cluster.slice(0, at) + lines.trimEnd() + '\n' + cluster.slice(at);
}
