import type { Diagnostic, ScenarioFile } from '@sim';
import type { EditorPosition, EditorSelection } from './caret';

/** What the lazily loaded Monaco editor takes from the panel (types only: no Monaco code here). */
export interface MonacoEditorProps {
  /** Which file is shown; each file keeps its own model (and undo history) while the page lives. */
  file: ScenarioFile;
  /** Its name, for the model URI and the screen reader label. */
  fileName: string;
  value: string;
  diagnostics: readonly Diagnostic[];
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
