import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCost } from '../src/protocol/codec';

/** Depth and number of values (keys included) of a parsed value: what the scan must find from the text. */
function measure(value: unknown, depth = 0): { depth: number; values: number } {
  if (typeof value !== 'object' || value === null) return { depth, values: 1 };
  const children = Array.isArray(value)
    ? value.map((child) => measure(child, depth + 1))
    : Object.values(value).map((child) => {
        const inner = measure(child, depth + 1);
        return { depth: inner.depth, values: inner.values + 1 };
      });
  return {
    depth: Math.max(depth + 1, ...children.map((child) => child.depth)),
    values: 1 + children.reduce((sum, child) => sum + child.values, 0),
  };
}

describe('jsonCost: a frame’s depth and values, read from its text', () => {
  it('agrees with the parsed value on any JSON, escapes and whitespace included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, spaced) => {
        const text = JSON.stringify(value, null, spaced ? 2 : undefined);
        const { depth, values } = measure(value);
        expect(jsonCost(text, depth, values)).toBeUndefined();
        if (depth > 0) expect(jsonCost(text, depth - 1, values)).toMatch(/nested deeper/);
        expect(jsonCost(text, depth, values - 1)).toMatch(/more than/);
      }),
      { numRuns: 500 },
    );
  });

  it('is not fooled by brackets and quotes inside strings', () => {
    // An object, its key and its string: three values, one level, whatever the string holds.
    expect(jsonCost(JSON.stringify({ text: '[[[[{{{{"\\"]] \\' }), 1, 3)).toBeUndefined();
  });
});
