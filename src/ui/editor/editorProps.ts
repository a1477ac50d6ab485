import type { Diagnostic, ScenarioFile, SourceRange } from '@sim';
import type { EditorPosition, EditorSelection } from './caret';

/** What the lazily loaded Monaco editor takes from the panel (types only: no Monaco code here). */
export interface MonacoEditorProps {
  /** Which file is shown; each file keeps its own model (and undo history) while the page lives. */
  file: ScenarioFile;
  /** Its name, for the model URI and the screen reader label. */
  fileName: string;
  value: string;
  diagnostics: readonly Diagnostic[];
  /** The lines of this file that caused the last run's failure. */
  highlight: readonly SourceRange[];
  /** Put the caret on this line and show it; `onDone('reveal')` answers. */
  reveal?: { line: number; column: number };
  /** Format the document; `onDone('format')` answers. */
  format: boolean;
  onDone(request: 'reveal' | 'format'): void;
  /** Where to put the caret (or selection) when the editor first shows: asked at mount, from the preview. */
  initialCaret(): EditorPosition | EditorSelection | undefined;
  onChange(text: string): void;
  /** Ctrl/Cmd+Enter. */
  onApply(): void;
  /** Escape with nothing else to close: focus leaves the editor. */
  onLeave(): void;
  /** The editor is mounted and painted; the preview can go. */
  onReady(): void;
}
