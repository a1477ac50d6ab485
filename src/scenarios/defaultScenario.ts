/** The happy path: the Pod of the story this project is based on, applied by the cluster admin. */
import type { ScenarioInput } from '@sim';
import { defaultCluster, defaultIdentity, defaultImages } from './defaultCluster';

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

export interface ScenarioPreset {
  id: string;
  title: string;
  /** One line for the picker. */
  blurb: string;
  build(): ScenarioInput;
}

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
    startTime: '2026-11-26T09:30:00Z',
    // Long enough for the happy path and a few back-off rounds; back-off loops are endless in a real cluster.
    horizonMs: 120_000,
  };
}

export const PRESETS: readonly ScenarioPreset[] = [
  {
    id: 'happy-path',
    title: 'Happy path',
    blurb: 'kubectl apply → Running, every step of the way',
    build: () => defaultScenario(),
  },
];
