import { useCurrentStep } from '../store/store';
import { componentKind, componentLabel } from '../store/derive';
import { OutcomeMark } from '../common/OutcomeMark';
import { ExternalIcon } from '../common/icons';
import { formatSimTime } from '../common/format';
import { FailureLink } from '../editor/FailureLink';

/** What happens in this step and why, the docs to read, and its facts. */
export function NarrationTab() {
  const step = useCurrentStep();
  if (!step) return <p className="empty">Nothing to tell: the simulation did not run.</p>;
  const { narration } = step;
  return (
    <article className="narration">
      <div className="narr-meta">
        <span className={`component-tag tag-${componentKind(step.component)}`}>{componentLabel(step.component)}</span>
        <span className="narr-place">{step.place}</span>
        <OutcomeMark outcome={step.outcome} />
        <span className="narr-time mono">t = {formatSimTime(step.t)}</span>
        <FailureLink step={step.index} />
      </div>
      <h2 className="narr-title">{step.title}</h2>
      <p className="narr-summary">{narration.summary}</p>
      <p className="narr-detail">{narration.detail}</p>
      {narration.docs.length > 0 && (
        <p className="narr-docs">
          <span>Kubernetes docs:</span>
          {narration.docs.map((d) => (
            <a key={d.href} href={d.href} target="_blank" rel="noopener noreferrer">
              {d.label}
              <ExternalIcon />
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ))}
        </p>
      )}
      {step.facts.length > 0 && (
        <dl className="facts">
          {step.facts.map((f, i) => (
            <div key={`${f.label}-${i}`}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {step.admission && step.admission.length > 0 && (
        <table className="admission">
          <caption>Admission plugins</caption>
          <thead>
            <tr>
              <th scope="col">Plugin</th>
              <th scope="col">Verdict</th>
              <th scope="col">What it did</th>
            </tr>
          </thead>
          <tbody>
            {step.admission.map((a) => (
              <tr key={`${a.phase}-${a.plugin}`}>
                <th scope="row" className="mono">
                  {a.plugin}
                </th>
                <td className={`verdict verdict-${a.verdict}`}>{a.verdict}</td>
                <td>{a.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {step.packets.length > 0 && (
        <div className="messages">
          <h3>Messages sent</h3>
          <ul>
            {step.packets.map((p, i) => (
              <li key={i}>
                <span className="mono">{componentLabel(p.from)}</span> →{' '}
                <span className="mono">{componentLabel(p.to)}</span>: <b className="mono">{p.label}</b>{' '}
                <span className="msg-kind">
                  ({p.kind === 'etcd' ? 'etcd gRPC' : p.kind === 'watch' ? 'watch event' : `HTTP ${p.kind}`})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
