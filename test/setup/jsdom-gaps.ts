/**
 * What jsdom lacks and the renderer uses unguarded, as Chromium always has it: ResizeObserver, as one that
 * never reports (jsdom lays nothing out; components read their size once as they mount). Node tests skip it.
 */
if (typeof window !== 'undefined' && !('ResizeObserver' in globalThis)) {
  class ResizeObserverThatNeverFires {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(globalThis, 'ResizeObserver', {
    value: ResizeObserverThatNeverFires,
    configurable: true,
  });
}
