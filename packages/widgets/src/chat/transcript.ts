import { type Clock, getDocument } from '@tandem/sdk-core';
import type { ChatEntry } from './controller';

/** A plain-text transcript: one line per message, with its time and author. */
export function transcriptText(
  entries: readonly ChatEntry[],
  names: { you: string; agent: string },
  locale: string,
): string {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return entries
    .filter((entry) => entry.status === 'sent' || entry.status === 'read')
    .map((entry) => {
      const author =
        entry.from === 'customer'
          ? names.you
          : entry.from === 'agent'
            ? (entry.authorName ?? names.agent)
            : '';
      return `[${time.format(entry.at)}] ${author ? `${author}: ` : ''}${entry.text}`;
    })
    .join('\n');
}

/** Saves the text as a file through a temporary object URL; no network, no popup. */
export function downloadText(fileName: string, text: string, clock: Clock): void {
  const doc = getDocument();
  const url = globalThis.URL;
  if (!doc || typeof url?.createObjectURL !== 'function') return;
  const href = url.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  // The click has started the download synchronously; the URL can go on the next task.
  clock.setTimeout(() => url.revokeObjectURL(href), 0);
}
