import * as m from './manifests';

/** A well-known manifest the editor's Examples menu puts into pod.yaml (the cluster and kubeconfig stay). */
export interface ManifestExample {
  id: string;
  title: string;
  /** One line for the menu: what the manifest shows. */
  blurb: string;
  manifest: string;
}

export const EXAMPLES: readonly ManifestExample[] = [
  {
    id: 'multi-container',
    title: 'Multi-container pod',
    blurb: 'A web server and a log-tailing sidecar sharing a volume',
    manifest: m.MULTI_CONTAINER,
  },
  {
    id: 'init-container',
    title: 'Init container',
    // busybox:1.37 exits 0 after a second in the default cluster's ImageRegistry.
    blurb: 'Init:0/1 until the init container exits 0, then PodInitializing and Running',
    manifest: m.INIT_CONTAINER,
  },
  {
    id: 'probes',
    title: 'Readiness and liveness probes',
    blurb: 'Ready only when / answers; restarted if it stops answering',
    manifest: m.PROBES,
  },
  {
    id: 'resources',
    title: 'Requests and limits',
    blurb: 'Requests equal to limits: the Guaranteed QoS class',
    manifest: m.RESOURCES,
  },
  {
    id: 'affinity',
    title: 'Affinity and tolerations',
    blurb: 'Node affinity, pod anti-affinity and a toleration',
    manifest: m.AFFINITY,
  },
];
