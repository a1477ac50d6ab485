import type { NodeSchedulingResult } from '@sim';
import { useJourney, useSteps } from '../store/store';
import { latestScheduling } from '../store/derive';

const FILTER_MARK = { Success: '✓', Unschedulable: '✕', UnschedulableAndUnresolvable: '✕', Skipped: '–' } as const;

function FilterCell({ node, plugin }: { node: NodeSchedulingResult; plugin: string }) {
  const f = node.filters.find((x) => x.plugin === plugin);
  if (!f) return <td className="not-run">not run</td>;
  return (
    <td className={`filter-${f.status}`} title={f.reason ?? f.status}>
      <span aria-hidden="true">{FILTER_MARK[f.status]}</span>
      <span className="visually-hidden">{f.status}</span>
    </td>
  );
}

/** The latest scheduling cycle: filter verdicts per node × plugin, scores with weights, the choice. */
export function SchedulerTab() {
  const steps = useSteps();
  const index = useJourney((s) => s.playhead.index);
  const found = latestScheduling(steps, index);
  if (!found) return <p className="empty">The scheduler has not run yet at this step.</p>;
  const { result, step } = found;
  const rejections = result.nodes.flatMap((n) =>
    n.filters.filter((f) => f.reason).map((f) => ({ node: n.node, ...f })),
  );
  const feasible = result.nodes.filter((n) => n.scores);
  return (
    <div className="scheduler-tab">
      <p className="sched-intro">
        {step.index === index ? 'This step' : `As of step ${step.index + 1}`}: {step.title}
      </p>
      {result.selected ? (
        <p className="sched-choice">
          <span aria-hidden="true">✓</span> Selected node: <b className="mono">{result.selected}</b>
        </p>
      ) : result.failureMessage ? (
        <p className="sched-failure">
          <span aria-hidden="true">✕</span> <span className="mono">{result.failureMessage}</span>
        </p>
      ) : null}

      <h3>Filter</h3>
      <div className="table-scroll">
        <table className="sched-table">
          <thead>
            <tr>
              <th scope="col">Plugin</th>
              {result.nodes.map((n) => (
                <th scope="col" key={n.node} className="mono">
                  {n.node}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.filterPlugins.map((p) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                {result.nodes.map((n) => (
                  <FilterCell key={n.node} node={n} plugin={p} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="legend">
        ✓ passed · ✕ rejected · – skipped (nothing to check for this pod) · not run: an earlier filter already rejected
        the node
      </p>
      {rejections.length > 0 && (
        <ul className="rejections" aria-label="Why nodes were rejected">
          {rejections.map((r) => (
            <li key={`${r.node}-${r.plugin}`}>
              <b className="mono">{r.node}</b> — {r.plugin}: <span className="mono">{r.reason}</span>
            </li>
          ))}
        </ul>
      )}

      {feasible.length > 0 && (
        <>
          <h3>Score</h3>
          <div className="table-scroll">
            <table className="sched-table">
              <thead>
                <tr>
                  <th scope="col">Plugin (weight)</th>
                  {feasible.map((n) => (
                    <th scope="col" key={n.node} className="mono">
                      {n.node}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.scorePlugins.map((p) => (
                  <tr key={p.name} className={p.skipped ? 'skipped' : undefined}>
                    <th scope="row">
                      {p.name} <span className="weight">×{p.weight}</span>
                      {p.skipped && <span className="skip-why">skipped: {p.skipped}</span>}
                    </th>
                    {feasible.map((n) => {
                      const s = n.scores?.find((x) => x.plugin === p.name);
                      return (
                        <td key={n.node} className="num">
                          {p.skipped || !s ? (
                            '–'
                          ) : (
                            <>
                              <b>{s.weighted}</b>
                              <span className="weight score-calc">
                                {s.score} × {s.weight}
                              </span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {feasible.map((n) => (
                    <td key={n.node} className={`num total${n.node === result.selected ? ' chosen' : ''}`}>
                      <b>{n.total ?? '–'}</b>
                      {n.node === result.selected && <span className="chosen-mark"> ✓ selected</span>}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
