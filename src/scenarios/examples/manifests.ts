/**
 * Well-known Pod manifests, written the way `kubectl` users write them (sequences unindented under
 * their key). Each uses only images of the default cluster's ImageRegistry, so each runs there.
 */

/** Two containers sharing an emptyDir: nginx writes its access log, busybox follows it. */
export const MULTI_CONTAINER = `apiVersion: v1
kind: Pod
metadata:
  name: web-with-sidecar
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    volumeMounts:
    - name: logs
      mountPath: /var/log/nginx
  - name: log-tailer
    image: busybox:1.36
    command: ["sh", "-c", "tail -F /var/log/nginx/access.log"]
    volumeMounts:
    - name: logs
      mountPath: /var/log/nginx
      readOnly: true
  volumes:
  - name: logs
    emptyDir: {}
`;

/** An init container that must finish before the web container starts. */
export const INIT_CONTAINER = `apiVersion: v1
kind: Pod
metadata:
  name: web-with-init
  labels:
    app: web
spec:
  initContainers:
  - name: write-page
    image: busybox:1.37
    command: ["sh", "-c", "echo 'Hello from the init container' > /work/index.html"]
    volumeMounts:
    - name: page
      mountPath: /work
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    volumeMounts:
    - name: page
      mountPath: /usr/share/nginx/html
  volumes:
  - name: page
    emptyDir: {}
`;

/** The story's web app with a readiness and a liveness probe on the path it serves. */
export const PROBES = `apiVersion: v1
kind: Pod
metadata:
  name: web-with-probes
  labels:
    app: web
spec:
  containers:
  - name: web
    image: sonasingh46/node-web-app:latest
    ports:
    - containerPort: 8000
    readinessProbe:
      httpGet:
        path: /
        port: 8000
      initialDelaySeconds: 2
      periodSeconds: 5
    livenessProbe:
      httpGet:
        path: /
        port: 8000
      initialDelaySeconds: 5
      periodSeconds: 10
      failureThreshold: 3
`;

/** Requests equal to limits for every resource of every container: the Guaranteed QoS class. */
export const RESOURCES = `apiVersion: v1
kind: Pod
metadata:
  name: web-guaranteed
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    resources:
      requests:
        cpu: 500m
        memory: 256Mi
      limits:
        cpu: 500m
        memory: 256Mi
`;

/**
 * Placement rules: only Linux amd64 nodes, never beside another `app: web` pod on the same node,
 * and tolerating the control-plane taint (so the control-plane node is a candidate too).
 */
export const AFFINITY = `apiVersion: v1
kind: Pod
metadata:
  name: web-placed
  labels:
    app: web
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: kubernetes.io/os
            operator: In
            values:
            - linux
          - key: kubernetes.io/arch
            operator: In
            values:
            - amd64
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector:
          matchLabels:
            app: web
        topologyKey: kubernetes.io/hostname
  tolerations:
  - key: node-role.kubernetes.io/control-plane
    operator: Exists
    effect: NoSchedule
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`;
