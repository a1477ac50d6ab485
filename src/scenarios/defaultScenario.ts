/** The happy path: the Pod of the story this project is based on, applied by the cluster admin. */
import type { ScenarioInput } from '@sim';
import { DEFAULT_START_TIME, defaultCluster, defaultIdentity, defaultImages } from './defaultCluster';

export const DEFAULT_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: example-pod
  labels:
    env: story-telling
spec:
  containers:
  - name: example-pod
    image: sonasingh46/node-web-app:latest
    ports:
    - containerPort: 8000
`;


/** Builds a scenario input from the default cluster, with the given manifest text. */
export function defaultScenario(manifest: string = DEFAULT_MANIFEST): ScenarioInput {
  return {
    id: 'happy-path',
    title: 'Happy path: a Pod becomes Running',
    manifest,
    fileName: 'pod.yaml',
    command: 'apply',
    cluster: defaultCluster(),
    identity: defaultIdentity(),
    images: defaultImages(),
    seed: 20250423,
    startTime: DEFAULT_START_TIME,
    // Long enough for the happy path and a few back-off rounds; back-off loops are endless in a real cluster.
    horizonMs: 120_000,
  };
}

