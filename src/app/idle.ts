/**
 * Runs `task` once the browser is idle, or after `timeoutMs` at the latest, and returns what cancels
 * it. Safari has no requestIdleCallback: there the task runs after a short timeout instead (calling
 * the missing function would throw, and the task would never run).
 */
export function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, Math.min(timeoutMs, IDLE_FALLBACK_MS));
  return () => clearTimeout(id);
}

/** Where there is no idle callback: about when a page that has just painted is done with its first work. */
export const IDLE_FALLBACK_MS = 500;
