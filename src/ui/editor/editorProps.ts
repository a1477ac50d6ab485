import type { Diagnostic } from '@sim';
import type { EditorPosition, EditorSelection } from './caret';

/** What the lazily loaded Monaco editor takes from the panel (types only: no Monaco code here). */
export interface MonacoEditorProps {
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
