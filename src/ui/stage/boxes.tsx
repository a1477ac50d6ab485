/**
 * The component boxes of the stage. Each box carries `data-component` (the ComponentId, so wires and
 * packets can find it) and, where the pod card can sit, a `data-dock` placeholder of the card's size.
 */
import type { ReactNode } from 'react';
import type { ComponentId, Step, TraceNode } from '@sim';
import { componentKind, gateOutcomes, latestStepOf, placeOutcomes, type NodePod } from '../store/derive';
import type { NodeFacts } from '../store/recorded';
import { Chips } from './Chips';
import { APISERVER_GATES, APISERVER_SERVING, KUBELET_PLACES, RUNTIME_PLACES, SCHEDULER_PHASES } from './places';

interface BoxProps {
  id: ComponentId;
  step: Step | undefined;
  title: ReactNode;
  subtitle?: ReactNode;
  className?: string;
  children?: ReactNode;
}

function Box({ id, step, title, subtitle, className, children }: BoxProps) {
  const active = step?.component === id;
  return (
    <div
      className={`box box-${componentKind(id)}${active ? ' is-active' : ''}${className ? ` ${className}` : ''}`}
      data-component={id}
      aria-current={active ? 'step' : undefined}
    >
      <div className="box-head">
        <span className="box-title">{title}</span>
        {subtitle && <span className="box-subtitle">{subtitle}</span>}
      </div>
      {children}
    </div>
  );
}

const Dock = ({ id }: { id: ComponentId }) => <div className="dock" data-dock={id} aria-hidden="true" />;

interface StepProps {
  step: Step | undefined;
  steps: readonly Step[];
  index: number;
}

export function KubectlBox({ step, command, user }: { step: Step | undefined; command: string; user: string }) {
  return (
    <Box id="kubectl" step={step} title="kubectl" subtitle={`as ${user}`}>
      <code className="box-command">$ {command}</code>
      <Dock id="kubectl" />
    </Box>
  );
}

export function WatchBox({ step, lastLine }: { step: Step | undefined; lastLine: string | undefined }) {
  return (
    <Box id="kubectl-watch" step={step} title="kubectl" subtitle="second terminal">
      <code className="box-command">$ kubectl get pods -w</code>
      <code className="box-last-line" title={lastLine}>
        {lastLine ?? 'waiting for the first event…'}
      </code>
    </Box>
  );
}

export function ApiServerBox({ step, steps, index }: StepProps) {
  const here = step?.component === 'kube-apiserver' ? step.place : undefined;
  const marks = gateOutcomes(steps, index);
  return (
    <Box
      id="kube-apiserver"
      step={step}
      title="kube-apiserver"
      subtitle="every request passes here"
      className="box-apiserver"
    >
      <Chips label="Request pipeline" chips={APISERVER_GATES} active={here} marks={marks} pipeline />
      <Chips label="Serving responses and watches" chips={APISERVER_SERVING} active={here} marks={{}} />
      <Dock id="kube-apiserver" />
    </Box>
  );
}

export function EtcdBox({ step, steps, index }: StepProps) {
  const last = latestStepOf(steps, index, 'etcd');
  return (
    <Box id="etcd" step={step} title="etcd" subtitle="key-value store" className="box-etcd">
      <code className="box-last-line" title={last?.title}>
        {last?.title ?? '/registry/…'}
      </code>
      <Dock id="etcd" />
    </Box>
  );
}

export function SchedulerBox({ step, steps, index }: StepProps) {
  const here = step?.component === 'kube-scheduler' ? step.place : undefined;
  return (
    <Box id="kube-scheduler" step={step} title="kube-scheduler" subtitle="picks a node" className="box-scheduler">
      <Chips
        label="Scheduling cycle"
        chips={SCHEDULER_PHASES}
        active={here}
        marks={placeOutcomes(steps, index, 'kube-scheduler')}
        pipeline
      />
      <Dock id="kube-scheduler" />
    </Box>
  );
}

/** `kube-system · 8 pods` (the names are in the tooltip and for screen readers). */
function podsSummary(pods: readonly NodePod[]): string {
  if (pods.length === 0) return 'no pods yet';
  const namespaces = [...new Set(pods.map((p) => p.namespace))].join(', ');
  return `${namespaces} · ${pods.length} pod${pods.length === 1 ? '' : 's'}`;
}

export function NodeCard({
  id,
  node,
  facts,
  step,
  steps,
  index,
}: StepProps & { id: ComponentId; node: TraceNode; facts: NodeFacts | undefined }) {
  const here = step?.component === id ? step.place : undefined;
  const marks = placeOutcomes(steps, index, id);
  const pods = facts?.pods ?? [];
  const runtime = facts?.runtime;
  return (
    <Box
      id={id}
      step={step}
      className="box-node"
      title={node.name}
      subtitle={<span className={`role-badge role-${node.role}`}>{node.role}</span>}
    >
      <div className="node-net mono">
        <span title="InternalIP">{node.internalIP}</span>
        <span title="Pod CIDR">{node.podCIDR}</span>
      </div>
      <div className="node-agent">
        <span className="agent-name">kubelet</span>
        <Chips label={`kubelet on ${node.name}`} chips={KUBELET_PLACES} active={here} marks={marks} />
      </div>
      <div className="node-agent">
        <span className="agent-name" title={runtime}>
          {runtime?.split('://')[0] ?? 'runtime'}
        </span>
        <Chips label={`container runtime on ${node.name}`} chips={RUNTIME_PLACES} active={here} marks={marks} />
      </div>
      <Dock id={id} />
      <div className="node-pods" title={pods.map((p) => `${p.namespace}/${p.name}`).join('\n')}>
        <span aria-hidden="true">{podsSummary(pods)}</span>
        <ul className="visually-hidden" aria-label={`Pods already on ${node.name}`}>
          {pods.map((p) => (
            <li key={`${p.namespace}/${p.name}`}>{`${p.namespace}/${p.name}`}</li>
          ))}
        </ul>
      </div>
    </Box>
  );
}
