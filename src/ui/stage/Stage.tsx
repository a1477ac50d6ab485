import { useEffect, useMemo, useRef, useState } from 'react';
import type PodCardComponent from './PodCard';
import type { ComponentId, TraceNode } from '@sim';
import { useAtEnd, useJourney, useSteps } from '../store/store';
import { journeyPod, kubeletOf } from '../store/derive';
import { usePrefersReducedMotion } from '../common/useMediaQuery';
import { afterFirstContentfulPaint } from '../common/afterPaint';
import { ApiServerBox, EtcdBox, KubectlBox, NodeCard, SchedulerBox, WatchBox } from './boxes';
import { Wires } from './Wires';
import { Packets } from './Packets';
import { ResultBanner } from './ResultBanner';
import { useStageLayout, type StageLayout } from './useStageLayout';
import { useBannerAtTop, useFollow } from './useFollow';
import type { Rect } from './geometry';
import { wiresOf } from './wires';
import { Notice } from '../common/Notice';
import './stage.css';

/** Why the address that was opened could not be shown (a cut-off or altered share link). */
function LinkNotice() {
  const notice = useJourney((s) => s.linkNotice);
  const dismiss = useJourney((s) => s.dismissLinkNotice);
  return notice ? (
    <div className="stage-notice">
      <Notice tone={notice.tone} text={notice.text} onDismiss={dismiss} />
    </div>
  ) : null;
}

// The pod card and framer-motion, its animation (about 28 KiB gzip), are fetched once the page's first
// contentful paint is on screen: the card is mounted only once the stage is measured anyway, and a
// request that ends before that paint competes with the page's own files for a slow connection.
let podCardModule: Promise<typeof PodCardComponent> | undefined;
/** The component once its module is in: a card mounted again later shows at once. */
let podCardLoaded: typeof PodCardComponent | undefined;

/** The pod card's component, once its module is in (undefined before, and if it cannot be loaded). */
function usePodCard(): typeof PodCardComponent | undefined {
  const [card, setCard] = useState(() => podCardLoaded);
  useEffect(() => {
    let live = true;
    podCardModule ??= afterFirstContentfulPaint()
      .then(() => import('./PodCard'))
      .then((m) => (podCardLoaded = m.default));
    podCardModule.then(
      (c) => live && setCard(() => c),
      () => undefined, // the stage shows everything else; the narration says where the pod is
    );
    return () => {
      live = false;
    };
  }, []);
  return card;
}

/**
 * The card where its module is in. The card's own component holds the module, so its arrival after
 * the first paint renders only the card, not the whole stage again.
 */
function PodCardSlot(props: React.ComponentProps<typeof PodCardComponent>) {
  const PodCard = usePodCard();
  return PodCard ? <PodCard {...props} /> : null;
}
const NO_NODES: readonly TraceNode[] = [];

/** The pod card's place at a component: its dock, or (a component without one) the middle of its box. */
function dockOf(layout: StageLayout, at: ComponentId): Rect | undefined {
  const dock = layout.docks[at];
  if (dock) return dock;
  const box = layout.boxes[at];
  const size = Object.values(layout.docks)[0];
  if (!box || !size) return undefined;
  return { x: box.x + (box.w - size.w) / 2, y: box.y + (box.h - size.h) / 2, w: size.w, h: size.h };
}

/**
 * The cluster as places: you (kubectl and a watching terminal), the control plane (kube-apiserver
 * in the middle, etcd and kube-scheduler beside it) and the nodes, wired through the API server.
 * Re-renders when the step changes, not per frame.
 */
export function Stage() {
  const trace = useJourney((s) => s.trace);
  const source = useJourney((s) => s.source);
  const user = useJourney((s) => s.identity?.user ?? '');
  const nodeFacts = useJourney((s) => s.nodeFacts);
  const index = useJourney((s) => s.playhead.index);
  const steps = useSteps();
  const ended = useAtEnd();
  const toStart = useJourney((s) => s.toStart);
  const play = useJourney((s) => s.play);
  const reduced = usePrefersReducedMotion();

  const step = steps[index];
  const nodes = trace?.nodes ?? NO_NODES;
  const canvas = useRef<HTMLDivElement>(null);
  const layout = useStageLayout(canvas, nodes.map((n) => n.name).join(','));
  const wires = useMemo(() => wiresOf(nodes, kubeletOf), [nodes]);
  const podName = useMemo(() => (trace ? journeyPod(trace)?.name : undefined) ?? 'pod', [trace]);
  const watchLine = step?.terminal.filter((l) => l.terminal === 'watch' && l.stream !== 'command').at(-1)?.text;
  const pod = step?.pod;
  const dock = pod ? dockOf(layout, pod.at) : undefined;
  const activeBox = step ? layout.boxes[step.component] : undefined;
  useFollow(canvas, ended ? dock : activeBox, ended ? activeBox : dock, reduced);
  const bannerAtTop = useBannerAtTop(canvas, ended ? dock : undefined, activeBox);

  return (
    <section className="panel stage" data-testid="stage" aria-label="The cluster">
      <LinkNotice />
      {/* Below the link notice: the result banner, placed in here, never covers the notice. */}
      <div className="stage-body">
        {/* It scrolls on short screens, so it takes focus: the keyboard can scroll it too. */}
        <div className="stage-canvas" ref={canvas} tabIndex={0} role="group" aria-label="Cluster picture">
          <Wires wires={wires} layout={layout} packets={step?.packets ?? []} />
          <div className="zone zone-you">
            <span className="zone-label">You</span>
            <div className="zone-row">
              <KubectlBox step={step} command={`kubectl ${source.command} -f ${source.fileName}`} user={user} />
              <WatchBox step={step} lastLine={watchLine} />
            </div>
          </div>
          <div className="zone zone-control-plane">
            <span className="zone-label">Control plane</span>
            <div className="zone-row">
              <EtcdBox step={step} steps={steps} index={index} />
              <ApiServerBox step={step} steps={steps} index={index} />
              <SchedulerBox step={step} steps={steps} index={index} />
            </div>
          </div>
          <div className="zone zone-nodes">
            <span className="zone-label">Nodes</span>
            <div className="zone-row" style={{ ['--node-count' as string]: Math.max(nodes.length, 1) }}>
              {nodeFacts && nodes.length > 0 ? (
                nodes.map((n) => (
                  <NodeCard
                    key={n.name}
                    id={kubeletOf(n.name)}
                    node={n}
                    facts={nodeFacts[n.name]}
                    step={step}
                    steps={steps}
                    index={index}
                  />
                ))
              ) : (
                <p className="stage-loading">{trace ? 'This cluster has no nodes.' : 'Preparing the simulation…'}</p>
              )}
            </div>
          </div>
          <Packets packets={step?.packets ?? []} layout={layout} reduced={reduced} />
          {/* Until the card's module is in, the stage shows no card. */}
          {pod && dock && <PodCardSlot name={podName} pod={pod} dock={dock} reduced={reduced} />}
        </div>
        {ended && trace && (
          <ResultBanner
            result={trace.result}
            // Out of the pod card's way: at the top when the card ends in the lower half of the view.
            atTop={bannerAtTop}
            onReplay={() => {
              toStart();
              play();
            }}
          />
        )}
      </div>
    </section>
  );
}
