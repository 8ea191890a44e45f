import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventsDecoder, encodeEvents, partChars } from '../src/frames';

const events = [
  { type: 4, timestamp: 1, data: { href: 'https://shop.test/', width: 800, height: 600 } },
  { type: 2, timestamp: 2, data: { node: { id: 1, type: 0, childNodes: [] } } },
  { type: 3, timestamp: 3, data: { source: 0, texts: [{ id: 2, value: 'héllo "quoted" \u2028 😀' }] } },
];

describe('encodeEvents', () => {
  it('sends a small batch in one part', () => {
    expect(encodeEvents(events)).toEqual([{ part: 0, parts: 1, text: JSON.stringify(events) }]);
  });

  it('sends an empty batch as one part', () => {
    expect(encodeEvents([])).toEqual([{ part: 0, parts: 1, text: '[]' }]);
  });

  it('cuts the JSON text into numbered parts of at most the given size', () => {
    const text = JSON.stringify(events);
    const parts = encodeEvents(events, 10);
    expect(parts).toHaveLength(Math.ceil(text.length / 10));
    parts.forEach((part, index) => {
      expect(part.part).toBe(index);
      expect(part.parts).toBe(parts.length);
      expect(part.text.length).toBeLessThanOrEqual(10);
    });
    expect(parts.slice(0, -1).every((part) => part.text.length === 10)).toBe(true);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('makes no empty last part when the text fills the parts exactly', () => {
    const parts = encodeEvents(['abcdef'], 5); // '["abcdef"]' is 10 characters
    expect(parts.map((part) => part.text)).toEqual(['["abc', 'def"]']);
  });

  it('uses 128 Ki characters per part by default, under 1 MiB even fully escaped', () => {
    expect(partChars).toBe(128 * 1024);
    expect(partChars * 6).toBeLessThan(1024 * 1024);
    const big = ['x'.repeat(partChars)]; // '["' pushes the last two x and '"]' into a second part
    const parts = encodeEvents(big);
    expect(parts).toHaveLength(2);
    expect(parts[0]?.text).toHaveLength(partChars);
    expect(parts[1]?.text).toBe('xx"]');
  });
});

describe('createEventsDecoder', () => {
  it('returns the events once the last part is in, and nothing before', () => {
    const decode = createEventsDecoder();
    const parts = encodeEvents(events, 16);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts.slice(0, -1)) expect(decode(part)).toBeUndefined();
    expect(decode(parts.at(-1))).toEqual(events);
  });

  it('decodes one batch after another', () => {
    const decode = createEventsDecoder();
    expect(decode(encodeEvents([1, 2])[0])).toEqual([1, 2]);
    for (const part of encodeEvents(['a', 'b', 'c'], 3).slice(0, -1)) decode(part);
    expect(decode(encodeEvents(['a', 'b', 'c'], 3).at(-1))).toEqual(['a', 'b', 'c']);
    expect(decode(encodeEvents([3])[0])).toEqual([3]);
  });

  it('survives the parts being sent as JSON, a character pair cut in two included', () => {
    const batch = ['😀😀😀😀'];
    // '["' then the emoji: a size of 3 cuts the first emoji between its two UTF-16 halves.
    const parts = encodeEvents(batch, 3);
    expect(parts[0]?.text.charCodeAt(2)).toBe('😀'.charCodeAt(0));
    const decode = createEventsDecoder();
    let result: unknown[] | undefined;
    for (const part of parts) result = decode(JSON.parse(JSON.stringify(part)));
    expect(result).toEqual(batch);
  });

  it('drops what it gathered when a part comes out of order', () => {
    const decode = createEventsDecoder();
    const parts = encodeEvents(events, 16);
    expect(decode(parts[0])).toBeUndefined();
    expect(decode(parts[2])).toBeUndefined(); // part 1 went missing
    // What follows belongs to the lost batch: nothing is guessed from it.
    for (const part of parts.slice(3)) expect(decode(part)).toBeUndefined();
    // A batch from its first part decodes again.
    let result: unknown[] | undefined;
    for (const part of parts) result = decode(part);
    expect(result).toEqual(events);
  });

  it('does not start with a part other than the first', () => {
    const decode = createEventsDecoder();
    const parts = encodeEvents(['abcdef'], 5);
    expect(decode(parts[1])).toBeUndefined();
  });

  it('refuses what is not a part, and forgets what it had gathered', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'text',
      42,
      [],
      {},
      { part: 0, parts: 1 },
      { part: 0, parts: 1, text: 5 },
      { part: '0', parts: 1, text: '[]' },
      { part: 0, parts: '1', text: '[]' },
      { part: 0.5, parts: 1, text: '[]' },
      { part: -1, parts: 1, text: '[]' },
      { part: 1, parts: 1, text: '[]' },
      { part: 0, parts: 0, text: '[]' },
      { part: 0, parts: 4097, text: '[]' },
      { part: Number.NaN, parts: 1, text: '[]' },
    ];
    for (const data of bad) {
      const decode = createEventsDecoder();
      const parts = encodeEvents(['abcdef'], 5);
      expect(decode(parts[0])).toBeUndefined();
      expect(decode(data), JSON.stringify(data) ?? String(data)).toBeUndefined();
      expect(decode(parts[1])).toBeUndefined();
    }
  });

  it('accepts up to 4096 parts', () => {
    const decode = createEventsDecoder();
    const text = JSON.stringify(['x'.repeat(4096 - 4)]);
    expect(text).toHaveLength(4096);
    const parts = encodeEvents(['x'.repeat(4096 - 4)], 1);
    expect(parts).toHaveLength(4096);
    let result: unknown[] | undefined;
    for (const part of parts) result = decode(part);
    expect(result).toEqual(['x'.repeat(4092)]);
  });

  it('returns nothing for text that is not JSON, or JSON that is not an array', () => {
    const decode = createEventsDecoder();
    expect(decode({ part: 0, parts: 1, text: '[1, 2' })).toBeUndefined();
    expect(decode({ part: 0, parts: 1, text: '{"type":2}' })).toBeUndefined();
    expect(decode({ part: 0, parts: 1, text: '"events"' })).toBeUndefined();
    expect(decode({ part: 0, parts: 1, text: 'null' })).toBeUndefined();
    expect(decode({ part: 0, parts: 2, text: '{"a":' })).toBeUndefined();
    expect(decode({ part: 1, parts: 2, text: '1}' })).toBeUndefined();
    // And is ready for the next batch.
    expect(decode({ part: 0, parts: 1, text: '[true]' })).toEqual([true]);
  });

  it('round-trips any JSON array at any part size', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.integer({ min: 1, max: 64 }), (batch, size) => {
        const decode = createEventsDecoder();
        const parts = encodeEvents(batch, size);
        const results = parts.map((part) => decode(JSON.parse(JSON.stringify(part))));
        expect(results.slice(0, -1).every((result) => result === undefined)).toBe(true);
        expect(results.at(-1)).toEqual(JSON.parse(JSON.stringify(batch)));
      }),
    );
  });
});
