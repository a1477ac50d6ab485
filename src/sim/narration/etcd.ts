/** What the etcd steps say. */
import type { Narration } from '../trace';
import { DOCS } from './docs';

export function stored(p: { key: string; revision: number; created: boolean }): Narration {
  return {
    summary: `etcd ${p.created ? 'stores' : 'updates'} ${p.key} at revision ${p.revision}.`,
    detail:
      "etcd keeps one revision counter for the whole cluster: every write gets the next number, and that number becomes the object's resourceVersion. " +
      'kube-apiserver stores objects as protobuf (the value starts with the bytes k8s\\x00), and etcd tells its watchers about the change.',
    docs: [DOCS.etcd, DOCS.apiConcepts],
  };
}

export function writeRejected(p: { key: string; reason: string }): Narration {
  return {
    summary: `etcd rejects the transaction on ${p.key}: ${p.reason}.`,
    detail:
      'The compare part of the transaction failed, so nothing was written; kube-apiserver turns this into a conflict or retries with the current value.',
    docs: [DOCS.etcd],
  };
}

export function rangeRead(p: { key: string; found: boolean; revision: number }): Narration {
  return {
    summary: `etcd reads ${p.key}: ${p.found ? 'found' : 'no such key'} (revision ${p.revision}).`,
    detail:
      'A range request on a single key returns the value and its mod revision, or nothing. The revision in the answer is the current revision of the whole store.',
    docs: [DOCS.etcd],
  };
}
