import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addedGzip, type Manifest, staticClosure } from '../../tools/bundle-size';

const manifest: Manifest = {
  ...JSON.parse(readFileSync('dist/manifest-loader.json', 'utf8')),
  ...JSON.parse(readFileSync('dist/manifest-app.json', 'utf8')),
};
const KB = 1024;

// Ceilings from DESIGN.md. Raise one only with a reason in the same commit.
/** Chunk file names carry a content hash: find one by its name. */
const chunk = (name: string) => {
  const found = Object.keys(manifest).find((file) => file.startsWith(`chunks/${name}-`));
  if (!found) throw new Error(`no chunk named ${name} in the build`);
  return found;
};

const budgets = [
  { entry: 'loader', file: 'tandem.js', after: [], ceiling: 3 * KB },
  { entry: 'launcher + channel selector', file: 'tandem-app.js', after: [], ceiling: 20 * KB },
  // Not in DESIGN.md's table: the open selector (its list, statuses and words) waits for intent, as
  // DESIGN.md's goal asks, so a page view that never opens it pays 0.66 KB less. Split from the launcher at
  // issue 16, when "Leave a message" would not fit the launcher's 20 KB: 1.33 KB measured. Raised to
  // 1.75 KB at issue 18: its English words, which the launcher had carried all along (one strings module
  // for both), now come with it as this comment always said (launcher 20.27 KB, down 0.25), with the
  // "nothing is open" line: 1.65 KB measured.
  {
    entry: 'channel selector view, added on intent',
    file: chunk('selector-view'),
    after: ['tandem-app.js'],
    ceiling: 1.75 * KB,
  },
  // Not in DESIGN.md's table: the protocol v1 client is fetched on first use (selector opened, a feature
  // started), so that the launcher stays under 20 KB. Raised from 6 to 7 KB when the relay that lets all
  // the tabs of a site share one connection (shared-backend.ts, ~1 KB gz) joined it.
  {
    entry: 'connection (protocol v1 client), added',
    file: chunk('protocol-backend'),
    after: ['tandem-app.js'],
    ceiling: 7 * KB,
  },
  // The chat window and what it shares with the connection (the wording of validation problems). Raised
  // from 15 to 15.5 KB when the window frame and form fields moved to a chunk shared with click-to-call:
  // the same code, but gzip no longer compresses it with chat's (measured 14.47 KB inline, 15.13 split).
  // Issue 16 allows the chat 2 KB more for a conversation as polished as commercial widgets' (following the
  // newest message, the "New messages" button, grouping, drawn icons, read receipts, typing, waits): the
  // ceiling is 15.13 + 2 KB, and each step of that issue says what it cost.
  { entry: 'chat widget, added', file: chunk('chat'), after: ['tandem-app.js'], ceiling: 17.13 * KB },
  // DESIGN.md sets 6 KB. Click-to-call with the callback offer, the country choice, the lease countdown and
  // its English words is 7.0 KB on its own, plus 3.1 KB of window frame and form fields shared with chat:
  // 10.1 KB measured. The ceiling holds that line until a smaller design is agreed (see issue 5's note).
  { entry: 'click-to-call widget, added', file: chunk('call'), after: ['tandem-app.js'], ceiling: 10.5 * KB },
  // Raised from 7.25 to 7.35 KB (issue 18): the window works on a backend that offers calls or callbacks
  // alone (each half optional), 7.30 KB measured; its commands are registered whole, the kernel refuses.
  {
    entry: 'click-to-call widget, added after the chat',
    file: chunk('call'),
    after: ['tandem-app.js', chunk('chat')],
    ceiling: 7.35 * KB,
  },
];

const code = (file: string) => readFileSync(`dist/${file}`, 'utf8');

describe('bundle budgets (gzip, built files)', () => {
  it.each(budgets)('$entry stays within its ceiling', ({ file, after, ceiling }) => {
    expect(addedGzip(manifest, file, after)).toBeLessThanOrEqual(ceiling);
  });

  it('keeps the co-browse customer code (with rrweb record) within 35 KB, loaded only when used', () => {
    // The plugin loads on the first Cobrowse command; rrweb's recorder and the remote-control executor (chunks/live-*.js) when a session starts.
    const plugin = chunk('cobrowse');
    const recorder = chunk('live');
    expect(manifest[plugin]?.dynamicImports).toContain(recorder);
    expect(staticClosure(manifest, 'tandem-app.js').has(plugin)).toBe(false);
    const added =
      addedGzip(manifest, plugin, ['tandem-app.js']) +
      addedGzip(manifest, recorder, ['tandem-app.js', plugin]);
    expect(added).toBeLessThanOrEqual(35 * KB);
  });

  it('keeps feature code out of the loader', () => {
    expect(manifest['tandem.js']?.imports).toEqual([]);
    const loader = code('tandem.js');
    for (const marker of ['preact', 'ZodMini', 'launcher', 'mitt']) expect(loader).not.toContain(marker);
  });

  it('ships no classic zod and no rrweb outside the co-browse recorder', () => {
    const recorder = chunk('live');
    for (const file of Object.keys(manifest)) {
      const text = code(file);
      expect(text, file).not.toMatch(/["']ZodString["']|["']ZodObject["']/);
      if (file !== recorder) expect(text, file).not.toMatch(/rrweb/i);
    }
  });

  it('keeps the connection out of what loads before interaction', () => {
    expect(staticClosure(manifest, 'tandem-app.js').has(chunk('protocol-backend'))).toBe(false);
    expect(manifest['tandem-app.js']?.dynamicImports).toContain(chunk('protocol-backend'));
  });

  it('loads the app lazily from the loader: nothing else is fetched before', () => {
    expect(staticClosure(manifest, 'tandem.js')).toEqual(new Set(['tandem.js']));
    expect(code('tandem.js')).toContain('tandem-app.js');
  });
});
