/** The editor's JSON schema, generated at build time from kubernetes-models (scripts/k8sSchemaPlugin.ts). */
declare module 'virtual:k8s-schemas' {
  import type { JSONSchema } from 'monaco-yaml';

  const schema: JSONSchema;
  export default schema;
}
