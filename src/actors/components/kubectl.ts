/**
 * kubectl in the learner's terminal. First the learner's command, `kubectl apply -f pod.yaml` (or
 * `kubectl create -f`); later, at the times the scenario says, an administrator's `kubectl apply -f
 * what-if.yaml` in the same terminal, with the cluster-admin credential (the interventions).
 *
 * One command, as kubectl v1.33 runs it (kubectl@v0.33.0 pkg/cmd/apply/apply.go Run, create.go):
 * it reads every document of the file first (a document it cannot use is an error, and a schema error
 * or YAML error stops reading); then, in file order, apply GETs each object and creates it on 404
 * or patches it on 200 (nothing is sent when the three-way patch is empty), while create POSTs
 * directly. Each success prints its line on stdout as it happens; the errors are printed together at
 * the end on stderr (CheckErr), the reading errors first.
 */
import { assign, enqueueActions, setup } from 'xstate';
import {
  addSource,
  addSourceToText,
  applyPatch,
  checkDocument,
  createRequest,
  flattenLists,
  getRequest,
  isStatus,
  kubectlNarration,
  missingAnnotationWarning,
  nameLine,
  parseManifest,
  patchRequest,
  patchText,
  renderErrors,
  responseWarnings,
  type Credential,
  type ErrorAction,
  type HttpExchange,
  type HttpRequest,
  type KubeObject,
  type KubectlError,
  type Narration,
  type ResourceInfo,
  type TerminalLine,
} from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';

/** Time kubectl takes to start, load the kubeconfig and read the file (client-side work, no network). */
export const KUBECTL_START_MS = 12;

/** The administrator's file in the interventions' command line. */
export const ADMIN_FILE = 'what-if.yaml';
/** kubeadm's admin.conf user (v1.29+: group kubeadm:cluster-admins, bound to cluster-admin). */
export const ADMIN_CREDENTIAL: Credential = {
  type: 'x509',
  commonName: 'kubernetes-admin',
  organizations: ['kubeadm:cluster-admins'],
  trusted: true,
};

type Obj = Record<string, unknown>;

/** One kubectl invocation. */
interface Run {
  command: 'apply' | 'create';
  fileName: string;
  /** The line typed in the terminal. */
  commandLine: string;
  /** The administrator's command: which intervention, its title and the credential. */
  admin?: { index: number; title: string; credential: Credential };
}

interface KubectlContext {
  env: SimEnv;
  session: string;
  run?: Run;
  infos: ResourceInfo[];
  index: number;
  seq: number;
  /** Errors met while reading the file (cli-runtime's EagerVisitorList collects them as one aggregate). */
  readErrors: string[];
  /** Errors of the requests, one per object, in file order. */
  errors: KubectlError[];
  /** The patch computed for the current object (apply on an existing object). */
  patch?: Obj;
  /** A simulator limit: the rest of the command is not simulated. */
  limit?: string;
  /** Interventions due while a command was still running. */
  queued: number[];
}

type KubectlEvent = ClusterEvent | { type: 'kubectl.admin'; index: number };
type HttpResponseEvent = Extract<ClusterEvent, { type: 'http.response' }>;

function print(env: SimEnv, stream: TerminalLine['stream'], text: string): void {
  for (const line of text.replace(/\n$/, '').split('\n'))
    env.recorder.terminal({ terminal: 'apply', stream, text: line });
}

function kubectlStep(
  env: SimEnv,
  draft: {
    place: 'read-manifest' | 'output';
    title: string;
    outcome: 'ok' | 'fail' | 'info' | 'warn';
    narration: Narration;
    facts?: { label: string; value: string }[];
    http?: HttpExchange;
    packets?: { label: string }[];
  },
) {
  env.recorder.step({
    component: 'kubectl',
    place: draft.place,
    title: draft.title.slice(0, 48),
    outcome: draft.outcome,
    narration: draft.narration,
    facts: draft.facts ?? [],
    packets: (draft.packets ?? []).map((p) => ({
      from: 'kubectl',
      to: 'kube-apiserver',
      kind: 'request',
      label: p.label,
    })),
    ...(draft.http ? { http: draft.http } : {}),
  });
}

const learnerRun = (env: SimEnv): Run => ({
  command: env.input.command,
  fileName: env.input.fileName,
  commandLine: `kubectl ${env.input.command} -f ${env.input.fileName}`,
});

function adminRun(env: SimEnv, index: number): Run {
  const title = env.input.interventions?.[index]?.title ?? '';
  return {
    command: 'apply',
    fileName: ADMIN_FILE,
    // a shell comment says whose command this is; the shell ignores it
    commandLine: `kubectl apply -f ${ADMIN_FILE}   # administrator (kubernetes-admin): ${title}`,
    admin: { index, title, credential: ADMIN_CREDENTIAL },
  };
}

/** The namespace of the kubeconfig context: the learner's, or `default` for kubeadm's admin.conf (its context names none). */
const contextNamespace = (env: SimEnv, r: Run) => (r.admin ? 'default' : env.input.identity.namespace);

/** The administrator's file: the intervention's objects as a manifest (no server-set metadata). */
function adminDocuments(objects: readonly KubeObject[]): unknown[] {
  return objects.map((o) => {
    const { uid: _u, resourceVersion: _r, creationTimestamp: _c, managedFields: _m, ...metadata } = o.metadata;
    return { ...o, metadata };
  });
}

/** The documents kubectl reads, and what stops its reading (a YAML error, or a simulator bound). */
interface Reading {
  values: unknown[];
  /** The StreamVisitor's error (without CheckErr's `error: `), when the file has a YAML error. */
  yamlError?: string;
  limit?: string;
}

function readDocuments(env: SimEnv, run: Run): Reading {
  if (run.admin) return { values: adminDocuments(env.input.interventions?.[run.admin.index]?.objects ?? []) };
  const parsed = parseManifest(env.input.manifest, run.fileName);
  if (parsed.limitError) return { values: [], limit: parsed.limitError };
  const documents = flattenLists(parsed.documents);
  if (!parsed.kubectlError) return { values: documents.map((d) => d.value) };
  // documents before the first error are read (and applied) before kubectl reports it
  const firstError = Math.min(
    ...parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.range.startLine),
  );
  return {
    values: documents.filter((d) => d.range.startLine < firstError).map((d) => d.value),
    yamlError: parsed.kubectlError.replace(/^error: /, ''),
  };
}

/**
 * The errors a command returns to CheckErr. apply (apply.go Run) reads every object first, so the
 * reading errors come first; create (create.go RunCreate) creates each object as it is read, and
 * ContinueOnErrorVisitor appends the reading aggregate after the create errors.
 */
function runErrors(r: Run, readErrors: string[], objectErrors: KubectlError[]): KubectlError[] {
  const read: KubectlError[] = readErrors.length ? [{ aggregate: readErrors }] : [];
  return r.command === 'apply' ? [...read, ...objectErrors] : [...objectErrors, ...read];
}

const current = (context: KubectlContext) => context.infos[context.index]!;
const responseOf = (event: KubectlEvent) => (event as HttpResponseEvent).exchange?.response;
const exchangeOf = (event: KubectlEvent) => (event as HttpResponseEvent).exchange;
const run = (context: KubectlContext) => context.run!;
const kindOf = (info: ResourceInfo) => info.mapping.kind;

export const kubectlMachine = setup({
  types: {} as { context: KubectlContext; events: KubectlEvent; input: ComponentInput },
  guards: {
    limited: ({ context }) => context.limit !== undefined,
    allDone: ({ context }) => context.index >= context.infos.length,
    applying: ({ context }) => run(context).command === 'apply',
    /** client-go refuses a GET without a name before sending it. */
    nameless: ({ context }) => run(context).command === 'apply' && current(context).name === '',
    status404: ({ event }) => responseOf(event)?.status === 404,
    status200: ({ event }) => responseOf(event)?.status === 200,
    status201: ({ event }) => responseOf(event)?.status === 201,
    emptyPatch: ({ context }) => Object.keys(context.patch ?? {}).length === 0,
    hasQueued: ({ context }) => context.queued.length > 0,
  },
  actions: {
    scheduleInterventions: enqueueActions(({ context, enqueue }) => {
      (context.env.input.interventions ?? []).forEach((iv, index) =>
        enqueue.raise({ type: 'kubectl.admin', index }, { delay: Math.max(0, iv.atMs), id: `admin ${index}` }),
      );
    }),
    queue: assign({
      queued: ({ context, event }) => [...context.queued, (event as { index: number }).index],
    }),
    startLearner: assign({ run: ({ context }) => learnerRun(context.env) }),
    startAdmin: assign(({ context, event }) => {
      const index = event.type === 'kubectl.admin' ? event.index : context.queued[0]!;
      return {
        run: adminRun(context.env, index),
        queued: event.type === 'kubectl.admin' ? context.queued : context.queued.slice(1),
      };
    }),
    printCommand: ({ context }) =>
      context.env.recorder.terminal({ terminal: 'apply', stream: 'command', text: run(context).commandLine }),
    /** Reads the file: every document becomes an Info or an error, as cli-runtime's visitors do. */
    readManifest: enqueueActions(({ context, enqueue }) => {
      const { env } = context;
      const r = run(context);
      const reading = readDocuments(env, r);
      const infos: ResourceInfo[] = [];
      const readErrors: string[] = [];
      let limit = reading.limit;
      let stopped = false;
      for (const value of reading.values) {
        const c = checkDocument(value, r.fileName, contextNamespace(env, r));
        if (c.ok) infos.push(c.info);
        else if ('error' in c) readErrors.push(c.error);
        else if ('unsupported' in c) limit ??= c.unsupported;
        else {
          readErrors.push(c.stop); // the stream stops at a schema error
          stopped = true;
          break;
        }
      }
      if (reading.yamlError && !stopped) readErrors.push(reading.yamlError);
      const errors: KubectlError[] =
        readErrors.length || limit || infos.length ? [] : [`no objects passed to ${r.command}`];
      enqueue.assign({ infos, index: 0, readErrors, errors, ...(limit ? { limit } : {}) });
      const facts = [
        { label: 'command', value: r.commandLine },
        { label: 'documents', value: String(reading.values.length) },
        ...(r.admin ? [{ label: 'user (kubeconfig)', value: 'kubernetes-admin' }] : []),
        { label: 'namespace (kubeconfig context)', value: contextNamespace(env, r) },
      ];
      enqueue(() => {
        if (limit) {
          kubectlStep(env, {
            place: 'read-manifest',
            title: 'Not simulated',
            outcome: 'warn',
            narration: kubectlNarration.simulatorLimit({ reason: limit }),
            facts,
          });
        } else if (infos.length === 0) {
          // nothing to send: kubectl prints why and exits 1
          print(env, 'stderr', renderErrors(runErrors(r, readErrors, errors)));
          kubectlStep(env, {
            place: 'read-manifest',
            title: `kubectl cannot read ${r.fileName}`,
            outcome: 'fail',
            narration: reading.yamlError
              ? kubectlNarration.readFailed({ fileName: r.fileName })
              : kubectlNarration.invalidDocuments({ fileName: r.fileName }),
            facts: [...facts, { label: 'exit code', value: '1' }],
          });
        } else if (r.admin) {
          kubectlStep(env, {
            place: 'read-manifest',
            title: `Administrator: ${r.admin.title}`,
            outcome: 'info',
            narration: kubectlNarration.adminCommand({
              title: r.admin.title,
              fileName: r.fileName,
              objects: infos.length,
            }),
            facts,
          });
        } else {
          kubectlStep(env, {
            place: 'read-manifest',
            title: `Read ${r.fileName}: ${infos.length} object${infos.length === 1 ? '' : 's'}`,
            outcome: readErrors.length ? 'warn' : 'ok',
            narration: kubectlNarration.readManifest({
              fileName: r.fileName,
              command: r.command,
              documents: infos.length,
            }),
            facts: [...facts, ...readErrors.map((e) => ({ label: 'error (printed at the end)', value: e }))],
          });
        }
      });
    }),
    printWarnings: ({ context, event }) => {
      const res = responseOf(event);
      for (const w of res ? responseWarnings(res.headers) : []) print(context.env, 'stderr', `Warning: ${w}`);
    },
    /** Sends a request to kube-apiserver, recorded as the step that puts the packet on the wire. */
    sendRequest: enqueueActions(({ context, enqueue, system }, params: { kind: 'get' | 'create' | 'patch' }) => {
      const { env } = context;
      const info = current(context);
      const r = run(context);
      const ctx = { command: r.command, session: context.session };
      const request: HttpRequest =
        params.kind === 'get'
          ? getRequest(info, ctx)
          : params.kind === 'create'
            ? createRequest(info, ctx)
            : patchRequest(info, ctx, context.patch ?? {});
      const seq = context.seq + 1;
      const exchange: HttpExchange = {
        id: `kubectl-${seq}`,
        client: 'kubectl',
        request,
        ...(r.admin ? { credential: r.admin.credential } : {}),
      };
      enqueue.assign({ seq });
      const { kind, resource } = info.mapping;
      const step = {
        get: {
          title: `GET ${resource}/${info.name}`,
          narration: kubectlNarration.sendGet({ ...info, kind }),
          packet: `GET ${kind.toLowerCase()}`,
        },
        create: {
          title: `POST ${resource} (create ${info.name})`,
          narration: kubectlNarration.sendCreate({ ...info, kind, resource, command: r.command }),
          packet: `POST ${resource}`,
        },
        patch: {
          title: `PATCH ${resource}/${info.name}`,
          narration: kubectlNarration.sendPatch({ ...info, kind, patch: patchText(context.patch ?? {}) }),
          packet: `PATCH ${kind.toLowerCase()}`,
        },
      }[params.kind];
      enqueue(() =>
        kubectlStep(env, {
          place: 'output',
          title: step.title,
          outcome: 'info',
          narration: step.narration,
          http: exchange,
          packets: [{ label: step.packet }],
          facts: [
            { label: 'request', value: `${request.method} ${request.path}` },
            ...(params.kind === 'patch' ? [{ label: 'patch', value: patchText(context.patch ?? {}) }] : []),
            { label: 'User-Agent', value: request.headers['User-Agent'] ?? '' },
          ],
        }),
      );
      const apiserver = system.get('kube-apiserver');
      const message: ClusterEvent = { type: 'http.request', exchange };
      if (apiserver)
        enqueue.sendTo(apiserver, message, { delay: env.latency('kubectl', 'kube-apiserver'), id: exchange.id });
    }),
    /** apply on an object that exists: the three-way patch, and the warning when the annotation is missing. */
    computePatch: enqueueActions(({ context, enqueue, event }) => {
      const info = current(context);
      const { patch, missingAnnotation } = applyPatch(info, (responseOf(event)?.body ?? {}) as Obj);
      enqueue.assign({ patch });
      if (!missingAnnotation) return;
      enqueue(() => {
        print(context.env, 'stderr', missingAnnotationWarning(info));
        kubectlStep(context.env, {
          place: 'output',
          title: `Warning: no last-applied annotation`,
          outcome: 'warn',
          narration: kubectlNarration.missingAnnotation({ ...info, kind: kindOf(info) }),
        });
      });
    }),
    printResult: ({ context, event }, params: { operation: 'created' | 'configured' | 'unchanged' }) => {
      const { env } = context;
      const info = current(context);
      const line = nameLine(info, params.operation);
      print(env, 'stdout', line);
      const narration =
        params.operation === 'created'
          ? kubectlNarration.printCreated({ line, kind: kindOf(info) })
          : params.operation === 'configured'
            ? kubectlNarration.printConfigured({ line, kind: kindOf(info) })
            : kubectlNarration.printUnchanged({ line });
      kubectlStep(env, { place: 'output', title: line, outcome: 'ok', narration, http: exchangeOf(event) });
    },
    /** apply's GET failure and every create/patch failure, prefixed with their source (AddSourceToErr). */
    rememberError: assign({
      errors: ({ context, event }, params: { action: ErrorAction }) => {
        const res = responseOf(event);
        const { fileName } = run(context);
        const error: KubectlError = isStatus(res?.body)
          ? addSource(res.body, params.action, current(context), fileName, context.patch)
          : `unexpected response ${res?.status ?? ''}`;
        return [...context.errors, error];
      },
    }),
    rememberNameless: assign({
      errors: ({ context }) => [
        ...context.errors,
        // client-go rest.Request.Name("") (no request is sent)
        addSourceToText('resource name may not be empty', 'retrieving', current(context), run(context).fileName),
      ],
    }),
    advance: assign({ index: ({ context }) => context.index + 1, patch: undefined }),
    finish: ({ context }) => {
      const { env } = context;
      if (context.limit) return; // the read step said what is not simulated
      const errors = runErrors(run(context), context.readErrors, context.errors);
      if (errors.length === 0 || context.infos.length === 0) return;
      print(env, 'stderr', renderErrors(errors));
      kubectlStep(env, {
        place: 'output',
        title: 'Prints the error, exit status 1',
        outcome: 'fail',
        narration: kubectlNarration.printErrors(),
        facts: [{ label: 'exit code', value: '1' }],
      });
    },
    reset: assign({ infos: [], index: 0, readErrors: [], errors: [], patch: undefined, limit: undefined }),
  },
}).createMachine({
  id: 'kubectl',
  context: ({ input }) => ({
    env: input.env,
    session: input.env.rng.uuid(),
    infos: [],
    index: 0,
    seq: 0,
    readErrors: [],
    errors: [],
    queued: [],
  }),
  initial: 'idle',
  states: {
    idle: {
      on: { 'kubectl.run': { target: 'reading', actions: ['scheduleInterventions', 'startLearner'] } },
    },
    reading: {
      entry: 'printCommand',
      on: { 'kubectl.admin': { actions: 'queue' } },
      after: { [KUBECTL_START_MS]: { target: 'next', actions: 'readManifest' } },
    },
    next: {
      always: [
        { guard: 'limited', target: 'finishing' },
        { guard: 'allDone', target: 'finishing' },
        { guard: 'nameless', target: 'next', reenter: true, actions: ['rememberNameless', 'advance'] },
        { guard: 'applying', target: 'getting' },
        { target: 'creating' },
      ],
    },
    getting: {
      entry: { type: 'sendRequest', params: { kind: 'get' } },
      on: {
        'kubectl.admin': { actions: 'queue' },
        'http.response': [
          { guard: 'status404', target: 'creating', actions: 'printWarnings' },
          { guard: 'status200', target: 'deciding', actions: ['printWarnings', 'computePatch'] },
          {
            target: 'next',
            actions: ['printWarnings', { type: 'rememberError', params: { action: 'retrieving' } }, 'advance'],
          },
        ],
      },
    },
    deciding: {
      always: [
        {
          guard: 'emptyPatch',
          target: 'next',
          actions: [{ type: 'printResult', params: { operation: 'unchanged' } }, 'advance'],
        },
        { target: 'patching' },
      ],
    },
    creating: {
      entry: { type: 'sendRequest', params: { kind: 'create' } },
      on: {
        'kubectl.admin': { actions: 'queue' },
        'http.response': [
          {
            guard: 'status201',
            target: 'next',
            actions: ['printWarnings', { type: 'printResult', params: { operation: 'created' } }, 'advance'],
          },
          {
            target: 'next',
            actions: ['printWarnings', { type: 'rememberError', params: { action: 'creating' } }, 'advance'],
          },
        ],
      },
    },
    patching: {
      entry: { type: 'sendRequest', params: { kind: 'patch' } },
      on: {
        'kubectl.admin': { actions: 'queue' },
        'http.response': [
          {
            guard: 'status200',
            target: 'next',
            actions: ['printWarnings', { type: 'printResult', params: { operation: 'configured' } }, 'advance'],
          },
          {
            target: 'next',
            actions: ['printWarnings', { type: 'rememberError', params: { action: 'patching' } }, 'advance'],
          },
        ],
      },
    },
    finishing: {
      entry: ['finish', 'reset'],
      always: [{ guard: 'hasQueued', target: 'reading', actions: 'startAdmin' }, { target: 'ready' }],
    },
    /** The terminal waits for the next command. */
    ready: {
      on: { 'kubectl.admin': { target: 'reading', actions: 'startAdmin' } },
    },
  },
});
