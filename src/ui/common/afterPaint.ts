/**
 * Resolves in a task of its own once the page's first contentful paint has been presented (Paint
 * Timing), so that work or requests started then never count as part of that paint. Where the browser
 * has no paint timing, after the next frame.
 *
 * A frame's callback alone is not enough: a transition renders in slices, so the next frame may come
 * before React has committed the page, and the frame is presented some time after its callback.
 */
export function afterFirstContentfulPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => void setTimeout(resolve, 0);
    const supported =
      typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint');
    if (!supported) {
      requestAnimationFrame(later);
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      later();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}
