// Served by scripts/recordedRunsPlugin.ts: preset id → the recorded run's file, relative to the page.
// Empty outside a production build (the dev server and unit tests run the engine instead).
declare module 'virtual:recorded-runs' {
  const files: Readonly<Record<string, string>>;
  export default files;
}
