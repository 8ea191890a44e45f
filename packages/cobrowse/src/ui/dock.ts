/** Room kept above the sharing bar, between it and the controls that move up over it. */
const gapPx = 8;

/**
 * A ref for the sharing bar: its height, measured as it wraps in any language and width, becomes
 * `--tandem-dock` on Tandem's container, and every bottom-anchored control (launcher, windows, the
 * minimised chat) sits that much higher. One bar per page, so one closure serves it.
 */
export function dockRef(): (bar: HTMLElement | null) => void {
  let observer: ResizeObserver | undefined;
  let container: HTMLElement | null = null;
  return (bar) => {
    observer?.disconnect();
    observer = undefined;
    container?.style.removeProperty('--tandem-dock');
    container = bar?.closest<HTMLElement>('.tandem') ?? null;
    if (!bar || !container) return;
    const dock = container;
    const measure = () => {
      const height = Math.ceil(bar.getBoundingClientRect().height);
      dock.style.setProperty('--tandem-dock', `${height + gapPx}px`);
    };
    measure();
    const Observer = bar.ownerDocument.defaultView?.ResizeObserver;
    if (Observer) {
      observer = new Observer(measure);
      observer.observe(bar);
    }
  };
}
