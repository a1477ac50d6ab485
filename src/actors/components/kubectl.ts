/**
 * kubectl, as the person runs it: `kubectl apply -f pod.yaml` (or `kubectl create -f`). It reads and
 * converts the file, then for each document: apply GETs the live object and creates it on 404
 * (create POSTs directly); it prints `pod/<name> created` as each create succeeds and the errors at
 * the end, as kubectl's CheckErr does. A YAML error ends it before any request.
 */
import { assign, enqueueActions, setup } from 'xstate';
import {
  LAST_APPLIED_ANNOTATION,
  addSource,
  checkDocument,
  createRequest,
  createdLine,
  getRequest,
  isStatus,
  kubectlNarration,
  lastAppliedConfiguration,
  parseManifest,
  renderErrors,
  responseWarnings,
  type HttpExchange,
  type HttpRequest,
  type Narration,
  type ResourceInfo,
  type SourcedError,
  type TerminalLine,
} from '@sim';
import type { ComponentInput, SimEnv } from '../env';
import type { ClusterEvent } from '../protocol';

/** Time kubectl takes to start, load the kubeconfig and read the file (client-side work, no network). */
export const KUBECTL_START_MS = 12;

type Stop = { kind: 'kubectl-error'; text: string } | { kind: 'limit'; reason: string };

interface KubectlContext {
  env: SimEnv;
  session: string;
  infos: ResourceInfo[];
  index: number;
  seq: number;
  errors: (SourcedError | string)[];
  stop?: Stop;
}

type KubectlEvent = ClusterEvent;
type HttpResponseEvent = Extract<ClusterEvent, { type: 'http.response' }>;

const command = (env: SimEnv) => env.input.command;
const commandLine = (env: SimEnv) => `kubectl ${command(env)} -f ${env.input.fileName}`;

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

const current = (context: KubectlContext) => context.infos[context.index]!;
const responseOf = (event: KubectlEvent) => (event as HttpResponseEvent).exchange.response;

export const kubectlMachine = setup({
  types: {} as { context: KubectlContext; events: KubectlEvent; input: ComponentInput },
  guards: {
    stopped: ({ context }) => context.stop !== undefined,
    allDone: ({ context }) => context.index >= context.infos.length,
    applying: ({ context }) => command(context.env) === 'apply',
    status404: ({ event }) => responseOf(event)?.status === 404,
    status201: ({ event }) => responseOf(event)?.status === 201,
    /** apply on an existing object whose last-applied configuration equals the manifest: the patch is empty. */
    unchanged: ({ context, event }) => {
      const res = responseOf(event);
      const annotations = (res?.body as { metadata?: { annotations?: Record<string, string> } } | undefined)?.metadata
        ?.annotations;
      return (
        res?.status === 200 &&
        annotations?.[LAST_APPLIED_ANNOTATION] === lastAppliedConfiguration(current(context).object)
      );
    },
    status200: ({ event }) => responseOf(event)?.status === 200,
  },
  actions: {
    printCommand: ({ context }) =>
      context.env.recorder.terminal({ terminal: 'apply', stream: 'command', text: commandLine(context.env) }),
    readManifest: enqueueActions(({ context, enqueue }) => {
      const { env } = context;
      const { fileName, identity } = env.input;
      const parsed = parseManifest(env.input.manifest, fileName);
      const checks = parsed.documents.map((d) => checkDocument(d.value, fileName, identity.namespace));
      const infos = checks.flatMap((c) => (c.ok ? [c.info] : []));
      const failed = checks.find((c) => !c.ok);
      // kubectl builds every object before the first request: any problem stops it here
      const stop: Stop | undefined = parsed.kubectlError
        ? { kind: 'kubectl-error', text: parsed.kubectlError }
        : parsed.limitError
          ? { kind: 'limit', reason: parsed.limitError }
          : failed && 'kubectlError' in failed
            ? { kind: 'kubectl-error', text: failed.kubectlError }
            : failed && 'unsupported' in failed
              ? { kind: 'limit', reason: failed.unsupported }
              : infos.length === 0
                ? { kind: 'kubectl-error', text: `error: no objects passed to ${command(env)}` }
                : undefined;
      enqueue.assign({ infos, ...(stop ? { stop } : {}) });
      const facts = [
        { label: 'command', value: commandLine(env) },
        { label: 'documents', value: String(parsed.documents.length) },
        { label: 'namespace (kubeconfig context)', value: identity.namespace },
      ];
      enqueue(() => {
        if (stop?.kind === 'kubectl-error') {
          print(env, 'stderr', stop.text);
          kubectlStep(env, {
            place: 'read-manifest',
            title: `kubectl cannot read ${fileName}`,
            outcome: 'fail',
            narration: kubectlNarration.readFailed({ fileName }),
            facts: [...facts, { label: 'exit code', value: '1' }],
          });
        } else if (stop?.kind === 'limit') {
          kubectlStep(env, {
            place: 'read-manifest',
            title: 'Not simulated',
            outcome: 'warn',
            narration: kubectlNarration.simulatorLimit({ reason: stop.reason }),
            facts,
          });
        } else {
          kubectlStep(env, {
            place: 'read-manifest',
            title: `Read ${fileName}: ${infos.length} object${infos.length === 1 ? '' : 's'}`,
            outcome: 'ok',
            narration: kubectlNarration.readManifest({ fileName, command: command(env), documents: infos.length }),
            facts,
          });
        }
      });
    }),
    printWarnings: ({ context, event }) => {
      const res = responseOf(event);
      for (const w of res ? responseWarnings(res.headers) : []) print(context.env, 'stderr', `Warning: ${w}`);
    },
    /** Sends a request to kube-apiserver, recorded as the step that puts the packet on the wire. */
    sendRequest: enqueueActions(({ context, enqueue, system }, params: { kind: 'get' | 'create' }) => {
      const { env } = context;
      const info = current(context);
      const ctx = { command: command(env), session: context.session };
      const request: HttpRequest = params.kind === 'get' ? getRequest(info, ctx) : createRequest(info, ctx);
      const seq = context.seq + 1;
      const exchange: HttpExchange = { id: `kubectl-${seq}`, client: 'kubectl', request };
      enqueue.assign({ seq });
      enqueue(() =>
        kubectlStep(env, {
          place: 'output',
          title: params.kind === 'get' ? `GET pods/${info.name}` : `POST pods (create ${info.name})`,
          outcome: 'info',
          narration:
            params.kind === 'get'
              ? kubectlNarration.sendGet(info)
              : kubectlNarration.sendCreate({ ...info, command: command(env) }),
          http: exchange,
          packets: [{ label: params.kind === 'get' ? 'GET pod' : 'POST pods' }],
          facts: [
            { label: 'request', value: `${request.method} ${request.path}` },
            { label: 'User-Agent', value: request.headers['User-Agent'] ?? '' },
          ],
        }),
      );
      const apiserver = system.get('kube-apiserver');
      const message: ClusterEvent = { type: 'http.request', exchange };
      if (apiserver) enqueue.sendTo(apiserver, message, { delay: env.latency('kubectl', 'kube-apiserver') });
    }),
    printCreated: ({ context, event }) => {
      const { env } = context;
      const info = current(context);
      print(env, 'stdout', createdLine(info));
      kubectlStep(env, {
        place: 'output',
        title: createdLine(info),
        outcome: 'ok',
        narration: kubectlNarration.printCreated(info),
        http: (event as HttpResponseEvent).exchange,
      });
    },
    printUnchanged: ({ context, event }) => {
      const { env } = context;
      const info = current(context);
      print(env, 'stdout', `pod/${info.name} unchanged`);
      kubectlStep(env, {
        place: 'output',
        title: `pod/${info.name} unchanged`,
        outcome: 'ok',
        narration: kubectlNarration.printUnchanged(info),
        http: (event as HttpResponseEvent).exchange,
      });
    },
    noPatchPath: assign({
      stop: () =>
        ({
          kind: 'limit',
          reason:
            "The pod already exists with a different configuration; this simulator does not follow kubectl apply's patch.",
        }) as Stop,
    }),
    /** apply's GET failure and every create failure, prefixed with their source (AddSourceToErr). */
    rememberError: assign({
      errors: ({ context, event }, params: { action: 'retrieving' | 'creating' }) => {
        const res = responseOf(event);
        const status = isStatus(res?.body) ? res.body : undefined;
        const error: SourcedError | string = status
          ? addSource(status, params.action, current(context), context.env.input.fileName)
          : `error: unexpected response ${res?.status ?? ''}`;
        return [...context.errors, error];
      },
    }),
    advance: assign({ index: ({ context }) => context.index + 1 }),
    finish: ({ context }) => {
      const { env } = context;
      if (context.stop?.kind === 'limit') {
        kubectlStep(env, {
          place: 'output',
          title: 'Not simulated',
          outcome: 'warn',
          narration: kubectlNarration.simulatorLimit({ reason: context.stop.reason }),
        });
        return;
      }
      if (context.errors.length === 0) return;
      print(env, 'stderr', renderErrors(context.errors));
      kubectlStep(env, {
        place: 'output',
        title: 'Prints the error, exit status 1',
        outcome: 'fail',
        narration: kubectlNarration.printErrors(),
        facts: [{ label: 'exit code', value: '1' }],
      });
    },
  },
}).createMachine({
  id: 'kubectl',
  context: ({ input }) => ({ env: input.env, session: input.env.rng.uuid(), infos: [], index: 0, seq: 0, errors: [] }),
  initial: 'idle',
  states: {
    idle: { on: { 'kubectl.run': 'reading' } },
    reading: {
      entry: 'printCommand',
      after: { [KUBECTL_START_MS]: { target: 'next', actions: 'readManifest' } },
    },
    next: {
      always: [
        { guard: 'stopped', target: 'done' },
        { guard: 'allDone', target: 'finishing' },
        { guard: 'applying', target: 'getting' },
        { target: 'creating' },
      ],
    },
    getting: {
      entry: { type: 'sendRequest', params: { kind: 'get' } },
      on: {
        'http.response': [
          { guard: 'status404', target: 'creating', actions: 'printWarnings' },
          { guard: 'unchanged', target: 'next', actions: ['printWarnings', 'printUnchanged', 'advance'] },
          { guard: 'status200', target: 'finishing', actions: ['printWarnings', 'noPatchPath'] },
          {
            target: 'next',
            actions: ['printWarnings', { type: 'rememberError', params: { action: 'retrieving' } }, 'advance'],
          },
        ],
      },
    },
    creating: {
      entry: { type: 'sendRequest', params: { kind: 'create' } },
      on: {
        'http.response': [
          { guard: 'status201', target: 'next', actions: ['printWarnings', 'printCreated', 'advance'] },
          {
            target: 'next',
            actions: ['printWarnings', { type: 'rememberError', params: { action: 'creating' } }, 'advance'],
          },
        ],
      },
    },
    finishing: { entry: 'finish', always: 'done' },
    done: { type: 'final' },
  },
});
