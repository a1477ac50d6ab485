import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Packet } from '@sim';
import { useJourney } from '../store/store';
import { pointAt, route, type Route } from './geometry';
import type { StageLayout } from './useStageLayout';
import { travelled, wireKey } from './wires';

interface Flight {
  packet: Packet;
  route: Route;
  /** Its place among the packets on the same wire, and how many there are. */
  lane: number;
  lanes: number;
}

function text(p: Packet): string {
  if (p.kind === 'response' && p.status !== undefined) return `${p.status >= 400 ? '✕' : '✓'} ${p.label}`;
  return p.label;
}

/**
 * The messages of the current step, moving along their wires. Their position is a pure function of
 * the playhead's progress; it is written to the DOM from a store subscription, so playing does not
 * re-render React every frame. With reduced motion they fade in at the middle of the wire instead.
 */
export function Packets({
  packets,
  layout,
  reduced,
}: {
  packets: readonly Packet[];
  layout: StageLayout;
  reduced: boolean;
}) {
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const flights = useMemo(() => {
    const count = new Map<string, number>();
    const out: Flight[] = [];
    for (const packet of packets) {
      const from = layout.boxes[packet.from];
      const to = layout.boxes[packet.to];
      if (!from || !to) continue;
      const key = wireKey(packet.from, packet.to);
      const lane = count.get(key) ?? 0;
      count.set(key, lane + 1);
      out.push({ packet, route: route(from, to), lane, lanes: 0 });
    }
    return out.map((f) => ({ ...f, lanes: count.get(wireKey(f.packet.from, f.packet.to)) ?? 1 }));
  }, [packets, layout]);

  useLayoutEffect(() => {
    const place = (progress: number) => {
      flights.forEach((f, i) => {
        const el = refs.current[i];
        if (!el) return;
        const t = travelled(progress, f.lane, f.lanes);
        const at = pointAt(f.route, reduced ? 0.5 : t);
        el.style.transform = `translate(${at.x.toFixed(1)}px, ${at.y.toFixed(1)}px) translate(-50%, -50%)`;
        el.style.opacity = reduced ? String(Math.min(1, t * 3)) : '1';
      });
    };
    place(useJourney.getState().playhead.progress);
    return useJourney.subscribe((s, prev) => {
      if (s.playhead.progress !== prev.playhead.progress) place(s.playhead.progress);
    });
  }, [flights, reduced]);

  return (
    <div className="packets" aria-hidden="true">
      {flights.map((f, i) => (
        <div
          key={`${f.packet.from}>${f.packet.to}#${i}`}
          ref={(el) => {
            refs.current[i] = el;
          }}
          className={`packet packet-${f.packet.kind}${f.packet.status !== undefined && f.packet.status >= 400 ? ' packet-error' : ''}`}
        >
          {text(f.packet)}
        </div>
      ))}
    </div>
  );
}
