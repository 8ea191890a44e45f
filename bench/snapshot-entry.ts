// Bundled by bench/run.ts for the page under test: plain rrweb record next to Tandem's recorder.
import { record } from '@rrweb/record';
import { startCapture } from '../packages/cobrowse/src/capture/recorder';
import { restrictionsFor } from '../packages/cobrowse/src/capture/restrictions';
import { systemClock } from '../packages/sdk-core/src/clock';

/** Milliseconds to take one full snapshot: with rrweb alone, and through Tandem's recorder and sanitizer. */
const bench = {
  plain(): number {
    const start = performance.now();
    const stop = record({ emit() {}, slimDOMOptions: 'all', recordCanvas: false, inlineStylesheet: true });
    const elapsed = performance.now() - start;
    stop?.();
    return elapsed;
  },
  tandem(): number {
    const start = performance.now();
    const capture = startCapture({
      restrictions: restrictionsFor(location.href),
      clock: systemClock,
      document,
      send() {},
    });
    const elapsed = performance.now() - start;
    capture.stop();
    return elapsed;
  },
};
(globalThis as { tandemBench?: typeof bench }).tandemBench = bench;
