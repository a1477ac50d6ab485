/**
 * The manifests of the gallery. Each is what a person would really write for that situation, kept
 * close to the story's pod so the difference that matters stands out.
 */
/** A pod named example-pod (labelled like the story's pod unless `labels` is false) with this spec. */
const pod = (spec: string, labels = true): string => `apiVersion: v1
kind: Pod
metadata:
  name: example-pod
${labels ? '  labels:\n    env: story-telling\n' : ''}spec:
${spec}`;

/** The story's container with another image. */
const webContainer = (image: string): string => `  containers:
  - name: example-pod
    image: ${image}
    ports:
    - containerPort: 8000
`;

/** The pod of the story this project is based on. */
export const DEFAULT_MANIFEST = pod(webContainer('sonasingh46/node-web-app:latest'));

/** The story's pod with extra lines after its container's ports (indented for the container). */
const withContainerLines = (lines: string): string => `${DEFAULT_MANIFEST}${lines}`;

/** The story's pod in another namespace. */
export const inNamespace = (namespace: string, manifest: string = DEFAULT_MANIFEST): string =>
  manifest.replace('metadata:\n  name: example-pod\n', `metadata:\n  name: example-pod\n  namespace: ${namespace}\n`);

export const STRICT_DECODING = DEFAULT_MANIFEST.replace(
  '    image: sonasingh46/node-web-app:latest\n',
  '    imagee: sonasingh46/node-web-app:latest\n    image: sonasingh46/node-web-app:latest\n',
);

export const INVALID_NAME = DEFAULT_MANIFEST.replace('  name: example-pod\n', '  name: Example_Pod\n');

export const YAML_SYNTAX_ERROR = DEFAULT_MANIFEST.replace('  labels:\n', ' labels:\n');

export const PRIVILEGED = withContainerLines(`    securityContext:
      privileged: true
`);

export const WITH_REQUESTS = (cpu: string, memory: string): string =>
  withContainerLines(`    resources:
      requests:
        cpu: ${JSON.stringify(cpu)}
        memory: ${memory}
`);

export const NODE_SELECTOR = `${DEFAULT_MANIFEST}  nodeSelector:
    disktype: ssd
`;

export const IMAGE_TYPO = DEFAULT_MANIFEST.replace(
  'image: sonasingh46/node-web-app:latest',
  'image: sonasingh46/node-web-ap:latest',
);

export const CRASHING = pod(webContainer('sonasingh46/node-web-app:broken'));

export const MISSING_CONFIGMAP = withContainerLines(`    env:
    - name: GREETING
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: greeting
`);

export const INIT_CONTAINER = pod(`  initContainers:
  - name: migrate-db
    image: example/db-migrate:1.0
${webContainer('sonasingh46/node-web-app:latest')}`);

export const READINESS_PROBE = withContainerLines(`    readinessProbe:
      httpGet:
        path: /healthz
        port: 8000
      periodSeconds: 10
`);

export const PRIORITY_CLASS = `${DEFAULT_MANIFEST}  priorityClassName: high-priority
`;

export const CONFIGMAP_AND_POD = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  greeting: Hello from a ConfigMap
---
${MISSING_CONFIGMAP}`;

export const NEW_IMAGE = DEFAULT_MANIFEST.replace(
  'image: sonasingh46/node-web-app:latest',
  'image: sonasingh46/node-web-app:v2',
);

export const MEMORY_HOG = pod(`${webContainer('example/memory-hog:1.0')}    resources:
      limits:
        memory: 256Mi
`);

export const SCHEDULING_GATED = `${DEFAULT_MANIFEST}  schedulingGates:
  - name: example.com/wait-for-quota
`;

export const MANY_INVALID = pod(
  `  containers:
  - name: Web_Server
    image: sonasingh46/node-web-app:latest
    ports:
    - containerPort: 80000
  - name: sidecar
`,
  false,
);

export const INVALID_IMAGE_NAME = DEFAULT_MANIFEST.replace(
  'image: sonasingh46/node-web-app:latest',
  'image: SonaSingh46/Node-Web-App:latest',
);

export const LIVENESS_PROBE = withContainerLines(`    livenessProbe:
      httpGet:
        path: /healthz
        port: 8000
      initialDelaySeconds: 5
      periodSeconds: 5
      failureThreshold: 3
`);

export const RUN_TO_COMPLETION = pod(
  `  restartPolicy: Never
  containers:
  - name: migrate
    image: example/db-migrate:1.0
`,
  false,
);

export const MISSING_SECRET_VOLUME = withContainerLines(`    volumeMounts:
    - name: tls
      mountPath: /etc/tls
      readOnly: true
  volumes:
  - name: tls
    secret:
      secretName: web-tls
`);

export const MISSING_PVC = `${DEFAULT_MANIFEST.replace(
  '    - containerPort: 8000\n',
  '    - containerPort: 8000\n    volumeMounts:\n    - name: data\n      mountPath: /data\n',
)}  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
`;

export const BIG_LIMITS = withContainerLines(`    resources:
      limits:
        cpu: "2"
        memory: 512Mi
`);

export const DUPLICATE_KEY = DEFAULT_MANIFEST.replace(
  '    image: sonasingh46/node-web-app:latest\n',
  '    image: sonasingh46/node-web-app:latest\n    image: nginx:1.27\n',
);
