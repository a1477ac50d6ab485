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

/** The object as the narration names it: `pod default/example-pod`, `node worker-3`. */
interface Named {
  kind: string;
  name: string;
  namespace: string;
}
const named = (p: Named) => `${p.kind.toLowerCase()} ${p.namespace ? `${p.namespace}/` : ''}${p.name}`;

export function sendGet(p: Named): Narration {
  return {
    summary: `kubectl apply asks the API server whether ${named(p)} already exists.`,
    detail:
      'Client-side apply first reads the live object: if it exists, kubectl computes a patch from the last-applied configuration; if it does not (404), it creates the object. ' +
      `This is why applying needs permission to get ${p.kind.toLowerCase()}s, while kubectl create does not. ` +
      'kubectl keeps the API discovery and OpenAPI documents in ~/.kube/cache, so with a warm cache this GET is the first request it sends.',
    docs: [DOCS.declarativeConfig],
  };
}

export function sendCreate(p: Named & { resource: string; command: 'apply' | 'create' }): Narration {
  const apply = p.command === 'apply';
  const what = p.kind === 'Pod' ? 'the pod' : `the ${p.kind}`;
  return {
    summary: `kubectl sends ${what} to the API server: POST to the ${p.resource}${p.namespace ? ` of namespace ${p.namespace}` : ''}.`,
    detail:
      (apply
        ? `${p.kind === 'Pod' ? 'The pod' : `The ${p.kind}`} does not exist, so apply creates it, after storing the manifest as JSON in the annotation kubectl.kubernetes.io/last-applied-configuration; later applies compute their patch from it. `
        : 'kubectl create sends the object as it is; it adds no annotation. ') +
      'fieldValidation=Strict asks the server to reject unknown or duplicate fields. The request travels over TLS with your client certificate or token.',
    docs: [apply ? DOCS.declarativeConfig : DOCS.imperativeConfig, DOCS.fieldValidation],
  };
}

export function sendPatch(p: Named & { patch: string }): Narration {
  return {
    summary: `kubectl sends a strategic merge patch for ${named(p)}: ${p.patch.length > 120 ? `${p.patch.slice(0, 117)}...` : p.patch}`,
    detail:
      'The patch is a three-way merge: what the manifest changes compared with the live object, plus what it dropped compared with the last-applied annotation. ' +
      'Fields set by others (defaults, admission, status) are left alone; the new last-applied configuration travels in the same patch.',
    docs: [DOCS.declarativeConfig],
  };
}

export function printCreated(p: { line: string; kind: string }): Narration {
  const pod = p.kind === 'Pod';
  return {
    summary: `kubectl prints ${p.line}.`,
    detail:
      `The API server answered 201 Created with the ${pod ? 'pod' : 'object'} as stored in etcd. ` +
      (pod
        ? 'kubectl is done: it does not wait for the pod to be scheduled or to run. Everything that happens next is done by controllers that watch the API server.'
        : 'Clients that watch this kind of object learn about it from the API server, not from kubectl.'),
    docs: [pod ? DOCS.podLifecycle : DOCS.declarativeConfig],
  };
}

export function printUnchanged(p: { line: string }): Narration {
  return {
    summary: `kubectl prints ${p.line}.`,
    detail:
      "The three-way patch kubectl computed is empty: the manifest equals the live object's last-applied configuration and the live object still has every field it sets. Nothing is sent.",
    docs: [DOCS.declarativeConfig],
  };
}

export function printConfigured(p: { line: string; kind: string }): Narration {
  return {
    summary: `kubectl prints ${p.line}.`,
    detail:
      p.kind === 'Pod'
        ? 'The API server stored the patched pod (200 OK). A changed image reaches the kubelet through its watch; the kubelet then restarts the container with the new image.'
        : 'The API server stored the patched object (200 OK) at a new resourceVersion; its watchers receive MODIFIED.',
    docs: [DOCS.declarativeConfig],
  };
}

export function missingAnnotation(p: Named): Narration {
  return {
    summary: `kubectl warns that ${named(p)} has no last-applied configuration, then patches it in.`,
    detail:
      'The object was created without apply (kubectl create without --save-config, or another client), so there is no record of what was applied before: ' +
      'kubectl cannot know which fields to remove. The patch adds the annotation, so the next apply can compute deletions.',
    docs: [DOCS.declarativeConfig],
  };
}

export function invalidDocuments(p: { fileName: string }): Narration {
  return {
    summary: `kubectl cannot use ${p.fileName} and stops before sending anything.`,
    detail:
      'Before any request kubectl checks that each document names its apiVersion and kind and maps the kind to an API resource using the cached discovery documents. ' +
      'A missing field ends reading the file; a kind the server does not serve is reported and the other documents go ahead.',
    docs: [DOCS.kubectlApply],
  };
}

export function adminCommand(p: { title: string; fileName: string; objects: number }): Narration {
  return {
    summary: `An administrator changes the cluster while the journey runs: ${p.title}.`,
    detail:
      `In this terminal, a second command applies ${p.fileName} (${p.objects} object${p.objects === 1 ? '' : 's'}) with the cluster administrator's credential (kubernetes-admin). ` +
      'It goes through kube-apiserver like any other request, and every component that watches these objects learns about the change from the API server.',
    docs: [DOCS.kubectlApply],
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
