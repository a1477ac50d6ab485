// Served by scripts/recordedRunsPlugin.ts: the ids of the presets recorded at build time, in order; each
// has its own player page, embed-<id>.html (scripts/prerenderPlugin.ts). Empty outside a production build.
declare module 'virtual:recorded-presets' {
  const ids: readonly string[];
  export default ids;
}
