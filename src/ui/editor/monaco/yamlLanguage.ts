/**
 * The YAML language service in the editor: completion and hover from the Kubernetes 1.33 schema
 * (generated at build time, see docs/decisions/0004-schema-from-upstream-types.md) with the journey
 * line in each hover, and formatting, all in kubectl's layout. Validation stays off: the project's own
 * diagnostics are the markers, and they name the component that rejects a field; schema warnings would
 * repeat them without that.
 */
import type * as Monaco from 'monaco-editor/editor';
import { configureMonacoYaml } from 'monaco-yaml';
import k8sSchemas from 'virtual:k8s-schemas';
import { withJourney } from '../schema/journeySchema';
import { formatKubectlYaml, kubectlSequences } from './kubectlLayout';

/** The model URI of a file (one model per file); the schema applies to the manifest's and the cluster's. */
export function modelUri(file: string, fileName: string): string {
  return `file:///${file}/${encodeURIComponent(fileName)}`;
}

type LegacyWorkerOptions = {
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
  worker?: Worker;
};

/**
 * monaco-yaml 5.5.1 (through monaco-worker-manager) still calls the pre-0.56
 * `createWebWorker({ moduleId, label, createData })`; monaco-editor 0.57 wants `{ worker }` and no longer
 * posts createData. This replays the old handshake, as monaco's own language workers do
 * (shared design STACK-NOTES §3).
 */
function legacyCreateWebWorker(monaco: typeof Monaco): typeof Monaco.editor.createWebWorker {
  const create = monaco.editor.createWebWorker;
  return ((opts: LegacyWorkerOptions) => {
    if (opts.worker) return create(opts as Parameters<typeof create>[0]);
    const worker = self.MonacoEnvironment?.getWorker?.('workerMain.js', opts.label ?? 'yaml') as Worker;
    worker.postMessage('ignore'); // 1st message: the editor worker's initialize()
    worker.postMessage(opts.createData); // 2nd: the YAML worker's settings and schemas
    return create({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  }) as typeof create;
}

/** The language server completes lists one level deeper than kubectl writes them: move them back. */
function kubectlCompletions(monaco: typeof Monaco): typeof Monaco.languages.registerCompletionItemProvider {
  return (language, provider) =>
    monaco.languages.registerCompletionItemProvider(language, {
      ...provider,
      async provideCompletionItems(...args) {
        const list = await provider.provideCompletionItems(...args);
        for (const item of list?.suggestions ?? []) item.insertText = kubectlSequences(item.insertText);
        return list;
      },
    });
}

/**
 * The Monaco API as monaco-yaml needs it, a patched copy (the global API is left alone): the old
 * worker handshake, and completions in kubectl's layout.
 */
function forMonacoYaml(monaco: typeof Monaco): typeof Monaco {
  return {
    ...monaco,
    editor: { ...monaco.editor, createWebWorker: legacyCreateWebWorker(monaco) },
    languages: { ...monaco.languages, registerCompletionItemProvider: kubectlCompletions(monaco) },
  } as typeof Monaco;
}

export function configureYamlLanguage(monaco: typeof Monaco): void {
  configureMonacoYaml(forMonacoYaml(monaco), {
    enableSchemaRequest: false, // nothing is fetched: the schema is in the bundle
    completion: true,
    hover: true,
    // monaco-yaml formats with Prettier, which indents lists under their key; ours keeps kubectl's layout.
    format: { enable: false },
    validate: false,
    schemas: [
      {
        uri: 'inmemory://pod-journey/kubernetes-1.33.json', // an id only
        fileMatch: [modelUri('manifest', '*'), modelUri('cluster', '*')],
        schema: withJourney(k8sSchemas).schema,
      },
    ],
  });
  // Format Document (all three files): re-printed in kubectl's layout; text that does not parse stays.
  monaco.languages.registerDocumentFormattingEditProvider('yaml', {
    provideDocumentFormattingEdits(model) {
      const text = model.getValue();
      const formatted = formatKubectlYaml(text);
      return formatted === undefined || formatted === text
        ? []
        : [{ range: model.getFullModelRange(), text: formatted }];
    },
  });
}
