// Bundled by bench/snapshot.ts for the page under test: plain rrweb record next to Tandem's recorder.
import { record } from '@rrweb/record';
import { pageAddress } from '../packages/cobrowse/src/capture/address';
import { startCapture } from '../packages/cobrowse/src/capture/recorder';
import { restrictionsFor } from '../packages/cobrowse/src/capture/restrictions';
import { systemClock } from '../packages/sdk-core/src/clock';

type Recorder = 'none' | 'plain' | 'tandem' | 'mask-all';

function start(recorder: Recorder): () => void {
  if (recorder === 'none') return () => undefined;
  if (recorder === 'plain') {
    const stop = record({ emit() {}, slimDOMOptions: 'all', recordCanvas: false, inlineStylesheet: true });
    return () => stop?.();
  }
  const capture = startCapture({
    restrictions: restrictionsFor(location.href, [], recorder === 'mask-all' ? 'mask-all' : 'standard'),
    address: pageAddress,
    clock: systemClock,
    document,
    send() {},
  });
  return () => capture.stop();
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const bench = {
  /** Milliseconds to take one full snapshot: with rrweb alone, and through Tandem's recorder and sanitizer. */
  snapshot(recorder: Recorder): number {
    const begin = performance.now();
    const stop = start(recorder);
    const elapsed = performance.now() - begin;
    stop();
    return elapsed;
  },
  /**
   * Milliseconds from a burst of mutations (`items` list items added, as many texts changed) until the
   * recorder has handled them: two tasks later, so that Tandem's per-task flush has run.
   */
  async burst(recorder: Recorder, items: number): Promise<number> {
    const stop = start(recorder);
    await nextTask();
    const texts = [...document.querySelectorAll('li h3')].slice(0, items);
    const begin = performance.now();
    const list = document.createElement('ul');
    for (let i = 0; i < items; i++) {
      const item = document.createElement('li');
      item.innerHTML = `<h3>New ${i}</h3><p>Added in the burst</p>`;
      list.append(item);
    }
    document.body.prepend(list);
    for (const [i, text] of texts.entries()) text.textContent = `Changed ${i}`;
    await nextTask();
    await nextTask();
    const elapsed = performance.now() - begin;
    stop();
    list.remove();
    return elapsed;
  },
  /** Milliseconds from a change on the page to Tandem's recorder handing its frame to the connection. */
  async flushDelay(): Promise<number> {
    let sentAt = 0;
    const capture = startCapture({
      restrictions: restrictionsFor(location.href),
      address: pageAddress,
      clock: systemClock,
      document,
      send(frame) {
        if (frame.kind === 'mutation') sentAt = performance.now();
      },
    });
    await nextTask();
    await nextTask();
    const mark = document.createElement('p');
    const begin = performance.now();
    document.body.append(mark);
    while (!sentAt) await nextTask();
    capture.stop();
    mark.remove();
    return sentAt - begin;
  },
};
(globalThis as { tandemBench?: typeof bench }).tandemBench = bench;
