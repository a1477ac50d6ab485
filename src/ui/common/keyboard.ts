const TYPING = [
  'input:not([type="range"]):not([type="checkbox"]):not([type="radio"]):not([type="button"])',
  'textarea',
  'select',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[data-editor-root]',
  'dialog',
].join(', ');

/** Where every key belongs to the control: text entry, the manifest editor, selects, dialogs. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest(TYPING);
}

/** Controls that handle Space/Enter/arrows themselves when focused. */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (isTypingTarget(target)) return true;
  if (
    (key === ' ' || key === 'Enter') &&
    target.closest('button, a[href], summary, [role="button"], [role="tab"], [role="radio"]')
  )
    return true;
  if (key.startsWith('Arrow') || key === 'Home' || key === 'End')
    return !!target.closest('input[type="range"], [role="tab"], [role="radio"], [role="tablist"], [role="radiogroup"]');
  return false;
}
