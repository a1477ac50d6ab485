/** What the kubectl steps say. */
import type { Narration } from '../trace';
import { DOCS } from './docs';

export function readManifest(p: { fileName: string; command: 'apply' | 'create'; documents: number }): Narration {
  return {
    summary: `kubectl reads ${p.fileName} and converts ${p.documents === 1 ? 'its document' : `its ${p.documents} documents`} from YAML to JSON.`,
    detail:
      `kubectl ${p.command} splits the file at '---' lines and turns each document into JSON; the API server only ever sees JSON (or protobuf). ` +
      'kubectl fills in the namespace of the current kubeconfig context when the manifest has none. ' +
      'Nothing has left your machine yet.',
    docs: [p.command === 'apply' ? DOCS.kubectlApply : DOCS.imperativeConfig],
  };
}

export function readFailed(p: { fileName: string }): Narration {
  return {
    summary: `kubectl cannot read ${p.fileName} and stops before sending anything.`,
    detail:
      'kubectl converts YAML to JSON with go-yaml. A syntax error ends the command with exit code 1, and no request reaches the cluster. ' +
      'The line number is counted from the start of the document that failed, and for some errors go-yaml reports the line before the problem.',
    docs: [DOCS.kubectlApply],
  };
}

export function simulatorLimit(p: { reason: string }): Narration {
  return {
    summary: 'The simulation stops here.',
    detail: `${p.reason} Nothing after this point is simulated.`,
    docs: [DOCS.kubectlApply],
  };
}

export function sendGet(p: { name: string; namespace: string }): Narration {
  return {
    summary: `kubectl apply asks the API server whether pod ${p.namespace}/${p.name} already exists.`,
    detail:
      'Client-side apply first reads the live object: if it exists, kubectl computes a patch from the last-applied configuration; if it does not (404), it creates the object. ' +
      'This is why applying needs permission to get pods, while kubectl create does not.',
    docs: [DOCS.declarativeConfig],
  };
}

export function sendCreate(p: { name: string; namespace: string; command: 'apply' | 'create' }): Narration {
  const apply = p.command === 'apply';
  return {
    summary: `kubectl sends the pod to the API server: POST to the pods of namespace ${p.namespace}.`,
    detail:
      (apply
        ? 'The pod does not exist, so apply creates it, after storing the manifest as JSON in the annotation kubectl.kubernetes.io/last-applied-configuration; later applies compute their patch from it. '
        : 'kubectl create sends the object as it is; it adds no annotation. ') +
      'fieldValidation=Strict asks the server to reject unknown or duplicate fields. The request travels over TLS with your client certificate or token.',
    docs: [apply ? DOCS.declarativeConfig : DOCS.imperativeConfig, DOCS.fieldValidation],
  };
}

export function printCreated(p: { name: string }): Narration {
  return {
    summary: `kubectl prints pod/${p.name} created.`,
    detail:
      'The API server answered 201 Created with the pod as stored in etcd. kubectl is done: it does not wait for the pod to be scheduled or to run. ' +
      'Everything that happens next is done by controllers that watch the API server.',
    docs: [DOCS.podLifecycle],
  };
}

export function printUnchanged(p: { name: string }): Narration {
  return {
    summary: `kubectl prints pod/${p.name} unchanged.`,
    detail:
      "The live object's last-applied configuration equals the manifest, so the patch kubectl computes is empty and nothing is sent.",
    docs: [DOCS.declarativeConfig],
  };
}

export function printErrors(): Narration {
  return {
    summary: 'kubectl prints the error and exits with status 1.',
    detail:
      'kubectl formats the Status the API server returned: "Error from server (<reason>): ..." for most errors, a list of the invalid fields for a 422, ' +
      'and "You must be logged in to the server" for a 401. Nothing was stored.',
    docs: [DOCS.apiConcepts],
  };
}
