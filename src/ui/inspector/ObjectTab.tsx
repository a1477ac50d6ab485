import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FieldChange } from '@sim';
import { useJourney, useSteps } from '../store/store';
import { objectAt } from '../store/derive';
import { highlightLine } from '../editor/highlightYaml';
import { changedLines, objectYaml } from './objectYaml';

/** A step's changes by who made them, in order of first appearance. */
function groupByAuthor(changes: readonly FieldChange[]): [string, FieldChange[]][] {
  const groups = new Map<string, FieldChange[]>();
  for (const c of changes) groups.set(c.by, [...(groups.get(c.by) ?? []), c]);
  return [...groups];
}

/** `added by ServiceAccount`, `set by defaulting` (defaulting fills values in), `changed by kubelet`. */
function heading(by: string, changes: readonly FieldChange[]): string {
  if (by === 'defaulting') return 'set by defaulting';
  const ops = new Set(changes.map((c) => c.op));
  const verb = ops.size > 1 ? 'changed' : ops.has('add') ? 'added' : ops.has('remove') ? 'removed' : 'changed';
  return `${verb} by ${by}`;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** The focus object as kubectl would print it, with this step's changes highlighted and listed. */
export function ObjectTab() {
  const steps = useSteps();
  const index = useJourney((s) => s.playhead.index);
  const [showManaged, setShowManaged] = useState(false);
  const found = useMemo(() => objectAt(steps, index), [steps, index]);
  const step = steps[index];
  const own = found?.step === step;
  const changes = useMemo(() => step?.changes ?? [], [step]);
  // The changes show in the YAML only if it is the object after this step. A client's request (the
  // kubelet's status PATCH) changes nothing stored yet: the YAML is still the stored one.
  const applied = own && step?.object !== undefined;
  const text = useMemo(() => (found ? objectYaml(found.object, showManaged) : ''), [found, showManaged]);
  const lines = useMemo(() => text.replace(/\n$/, '').split('\n'), [text]);
  const marked = useMemo(
    () =>
      applied
        ? changedLines(
            text,
            changes.filter((c) => c.op !== 'remove').map((c) => c.path),
          )
        : new Set<number>(),
    [applied, text, changes],
  );
  const code = useRef<HTMLPreElement>(null);

  // Bring the first changed line into view when the step changes.
  useLayoutEffect(() => {
    const el = code.current?.querySelector<HTMLElement>('.line.changed');
    const box = code.current?.parentElement;
    if (el && box) box.scrollTop = Math.max(0, el.offsetTop - 60);
  }, [marked]);

  if (!found) return <p className="empty">No object yet: nothing has reached the API server at this step.</p>;
  const stored = found.key !== undefined && found.step.stored[found.key] === found.object;
  return (
    <div className="object-tab">
      <div className="object-head">
        <code className="object-key">{found.key ?? 'object'}</code>
        <span className="object-where">
          {stored ? 'as stored in etcd' : 'in the API server, not stored yet'}
          {!own && ` · unchanged since step ${found.step.index + 1}`}
          {changes.length > 0 && !applied && ' · the changes below are not stored yet'}
        </span>
        <label className="managed-toggle">
          <input type="checkbox" checked={showManaged} onChange={(e) => setShowManaged(e.target.checked)} />{' '}
          managedFields
        </label>
      </div>
      {changes.length > 0 && (
        <div className="changes" role="region" aria-label="Changes in this step" tabIndex={0}>
          {groupByAuthor(changes).map(([by, group]) => (
            <section key={by} className="change-group">
              <h3>
                {heading(by, group)} <span className="change-count">· {group.length}</span>
              </h3>
              <ul>
                {group.map((c, i) => (
                  <li key={`${c.path}-${i}`}>
                    <code>{c.path}</code>
                    {c.op === 'remove' ? (
                      <span className="change-before"> removed (was {short(c.before)})</span>
                    ) : (
                      <code className="change-value"> = {short(c.after)}</code>
                    )}
                    {c.op === 'replace' && <span className="change-before"> (was {short(c.before)})</span>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <div className="object-code">
        <pre ref={code} className="code-lines">
          {lines.map((line, i) => (
            <div key={i} className={marked.has(i + 1) ? 'line changed' : 'line'}>
              <span className="ln" aria-hidden="true">
                {i + 1}
              </span>
              <span className="code">
                {highlightLine(line).map((t, j) => (
                  <span key={j} className={`tok-${t.kind}`}>
                    {t.text}
                  </span>
                ))}
              </span>
            </div>
          ))}
        </pre>
      </div>
    </div>
  );
}
