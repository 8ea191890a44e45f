import { getDocument } from '@tandem/sdk-core';

/**
 * Any host element with data-tandem-open="chat" (or another channel) opens that channel. One delegated
 * listener covers elements the host adds later; returns its removal.
 */
export function watchCustomLaunchers(open: (channel: string, trigger: Element) => void): () => void {
  const doc = getDocument();
  if (!doc) return () => undefined;
  const onClick = (event: Event) => {
    for (const node of event.composedPath()) {
      if (!(node instanceof Element)) continue;
      const channel = node.getAttribute('data-tandem-open');
      if (channel === null) continue;
      event.preventDefault();
      open(channel, node);
      return;
    }
  };
  doc.addEventListener('click', onClick);
  // The loader replays, as this event, a click made before Tandem was ready.
  doc.addEventListener('tandem:open', onClick);
  return () => {
    doc.removeEventListener('click', onClick);
    doc.removeEventListener('tandem:open', onClick);
  };
}
