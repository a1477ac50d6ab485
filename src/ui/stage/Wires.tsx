import type { ComponentId, Packet } from '@sim';
import { pathData, route } from './geometry';
import type { StageLayout } from './useStageLayout';
import { wireKey } from './wires';

/** The wires behind the boxes; the ones carrying this step's messages are drawn in the message's kind. */
export function Wires({
  wires,
  layout,
  packets,
}: {
  wires: [ComponentId, ComponentId][];
  layout: StageLayout;
  packets: readonly Packet[];
}) {
  const busy = new Map(packets.map((p) => [wireKey(p.from, p.to), p.kind]));
  return (
    <svg className="wires" width={layout.width} height={layout.height} aria-hidden="true">
      {wires.map(([a, b]) => {
        const ra = layout.boxes[a];
        const rb = layout.boxes[b];
        if (!ra || !rb) return null;
        const kind = busy.get(wireKey(a, b));
        return (
          <path
            key={wireKey(a, b)}
            d={pathData(route(ra, rb))}
            className={kind ? `wire wire-busy wire-${kind}` : 'wire'}
          />
        );
      })}
    </svg>
  );
}
