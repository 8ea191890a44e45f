import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Closer to the bottom than this (px), the reader counts as at the bottom. */
const slackPx = 40;

/**
 * Keeps a conversation at its newest message while the reader is at the bottom (and when they send),
 * opens at the bottom, and otherwise leaves the scroll alone and says that new messages wait below.
 * "At the bottom" is judged against the height before the change, not from scroll events, which may
 * not have arrived yet.
 */
export function useFollowBottom(count: number, lastIsMine: boolean) {
  const list = useRef<HTMLDivElement>(null);
  // The log's size when last seen: the bottom is where the reader was before content or size changed.
  const last = useRef({ height: 0, client: 0 });
  const seen = useRef(count);
  const [waiting, setWaiting] = useState(false);

  const wasAtBottom = (element: HTMLElement) =>
    element.scrollTop + last.current.client >= last.current.height - slackPx;
  const remember = (element: HTMLElement) => {
    last.current = { height: element.scrollHeight, client: element.clientHeight };
  };
  const toBottom = () => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
    setWaiting(false);
  };

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const added = count > seen.current;
    seen.current = count;
    if (wasAtBottom(element) || (added && lastIsMine)) toBottom();
    else if (added) setWaiting(true);
    remember(element);
  });

  // Images and late layout grow the log after the effect: a reader at the bottom stays there.
  useLayoutEffect(() => {
    const element = list.current;
    const Observer = element?.ownerDocument.defaultView?.ResizeObserver;
    if (!element || !Observer) return;
    const observer = new Observer(() => {
      if (wasAtBottom(element)) element.scrollTop = element.scrollHeight;
      remember(element);
    });
    for (const child of element.children) observer.observe(child);
    observer.observe(element);
    return () => observer.disconnect();
  }, [count]);

  const onScroll = () => {
    const element = list.current;
    if (element && element.scrollHeight - element.scrollTop - element.clientHeight < slackPx)
      setWaiting(false);
  };

  return { list, onScroll, waiting, toBottom };
}
