/**
 * Where in the manifest a click or a selection on the static preview was, as editor positions
 * (1-based line and column), so Monaco opens with the caret where the person clicked.
 */
export interface EditorPosition {
  lineNumber: number;
  column: number;
}

export interface EditorSelection {
  anchor: EditorPosition;
  focus: EditorPosition;
}

/** The line element and the column inside it for a DOM (node, offset) inside the preview's code. */
function positionOf(node: Node, offset: number): EditorPosition | undefined {
  const el = node instanceof Element ? node : node.parentElement;
  const line = el?.closest<HTMLElement>('[data-line]');
  const code = line?.querySelector('.code');
  if (!line || !code) return undefined;
  const lineNumber = Number(line.dataset.line);
  if (!code.contains(node))
    return { lineNumber, column: node === line && offset === 0 ? 1 : (code.textContent?.length ?? 0) + 1 };
  // Count the characters of the code before (node, offset).
  const range = document.createRange();
  range.setStart(code, 0);
  range.setEnd(node, offset);
  return { lineNumber, column: range.toString().length + 1 };
}

/** The position under a pointer, if it is over the preview's text. */
export function positionFromPoint(x: number, y: number): EditorPosition | undefined {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const caret = doc.caretPositionFromPoint?.(x, y);
  if (caret) return positionOf(caret.offsetNode, caret.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? positionOf(range.startContainer, range.startOffset) : undefined;
}

/** The person's text selection inside `root`, if any. */
export function selectionIn(root: Element): EditorSelection | undefined {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.anchorNode || !sel.focusNode) return undefined;
  if (!root.contains(sel.anchorNode) || !root.contains(sel.focusNode)) return undefined;
  const anchor = positionOf(sel.anchorNode, sel.anchorOffset);
  const focus = positionOf(sel.focusNode, sel.focusOffset);
  return anchor && focus ? { anchor, focus } : undefined;
}
