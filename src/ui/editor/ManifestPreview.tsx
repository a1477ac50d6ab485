import { useMemo, type KeyboardEvent, type PointerEvent } from 'react';
import type { SourceRange } from '@sim';
import { highlightYaml } from './highlightYaml';

/** Keys that only pass through the preview (moving focus on, modifiers) do not open the editor. */
const PASSING_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'Escape']);

interface Props {
  text: string;
  /** The file's name, for screen readers. */
  label: string;
  /** The first interaction: load the real editor. */
  onActivate(how: { pointer?: { x: number; y: number } }): void;
  /** Lines that caused the last run's failure, marked as the editor marks them. */
  highlight: readonly SourceRange[];
}

/**
 * The manifest as light, highlighted, selectable text, laid out with the editor's exact metrics
 * (font, size, line height, gutter) so that swapping in Monaco moves nothing.
 */
export function ManifestPreview({ text, label, onActivate, highlight }: Props) {
  const lines = useMemo(() => highlightYaml(text), [text]);
  const failing = (line: number) => highlight.some((r) => line >= r.startLine && line <= r.endLine);
  return (
    <pre
      className="manifest-preview"
      data-testid="manifest-preview"
      tabIndex={0}
      aria-label={`${label} (click or press Enter to edit)`}
      onPointerDown={(e: PointerEvent) => onActivate({ pointer: { x: e.clientX, y: e.clientY } })}
      onFocus={() => onActivate({})}
      onKeyDown={(e: KeyboardEvent) => {
        if (!PASSING_KEYS.has(e.key)) onActivate({});
      }}
    >
      {lines.map((tokens, i) => (
        <div className={failing(i + 1) ? 'line failing-line' : 'line'} data-line={i + 1} key={i}>
          <span className="ln" aria-hidden="true">
            {i + 1}
          </span>
          <span className="code">
            {tokens.map((t, j) => (
              <span key={j} className={`tok-${t.kind}`}>
                {t.text}
              </span>
            ))}
          </span>
        </div>
      ))}
    </pre>
  );
}
