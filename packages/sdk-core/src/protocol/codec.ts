import type * as z from 'zod/mini';
import { validate } from '../config/validate';
import type { Problem } from '../errors';
import { describeValue } from '../problems';

export type Decoded<T> =
  | { ok: true; frame: T }
  | { ok: false; code: 'frame_too_big' | 'malformed_frame'; message: string };

/** Default largest frame either end accepts (co-browse snapshots are the large ones). */
export const defaultMaxFrameBytes = 1024 * 1024;

/** Deeper JSON than this is refused: it parses, but re-encoding it can overflow the stack. */
export const maxFrameDepth = 64;

/** More values (objects, arrays, strings and keys, numbers, literals) than this in one frame are refused. */
export const maxFrameValues = 100_000;

/**
 * Parses untrusted text into a frame: size first, then its JSON's depth and number of values by one scan
 * of the text (before JSON.parse allocates anything), then JSON, then the schema. Never throws; the
 * message names the field that failed.
 */
export function decodeFrame<M extends Readonly<Record<string, z.ZodMiniType>>>(
  schemas: M,
  data: string,
  maxBytes = defaultMaxFrameBytes,
  maxValues = maxFrameValues,
): Decoded<{ [K in keyof M]: z.infer<M[K]> }[keyof M]> {
  // Length in UTF-16 units is at least a third of the UTF-8 size: a cheap first cut before measuring.
  if (data.length > maxBytes || utf8Length(data) > maxBytes) {
    return { ok: false, code: 'frame_too_big', message: `frame is larger than ${maxBytes} bytes` };
  }
  const cost = jsonCost(data, maxFrameDepth, maxValues);
  if (cost) return { ok: false, code: 'malformed_frame', message: cost };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { ok: false, code: 'malformed_frame', message: 'frame is not valid JSON' };
  }
  // Dispatch on "type" by hand: a discriminated union would pull more of zod into every bundle.
  const type = (parsed as { type?: unknown } | null)?.type;
  const schema = typeof type === 'string' && Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (!schema) {
    const known = Object.keys(schemas)
      .map((name) => JSON.stringify(name))
      .join(', ');
    return {
      ok: false,
      code: 'malformed_frame',
      message: `type: expected one of ${known}, got ${describeValue(type)}`,
    };
  }
  const result = validate(schema, parsed);
  if (result.ok) return { ok: true, frame: result.value as never };
  return { ok: false, code: 'malformed_frame', message: describeProblems(result.problems) };
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems
    .slice(0, 5)
    .map((problem) => problem.message)
    .join('; ');
}

export function encodeFrame(frame: unknown): string {
  return JSON.stringify(frame);
}

/**
 * What parsing would cost, read from the text alone: nesting deeper than `maxDepth` or more than
 * `maxValues` values is named; undefined when the text is within both. Strings are skipped whole.
 */
export function jsonCost(text: string, maxDepth: number, maxValues: number): string | undefined {
  let depth = 0;
  let values = 0;
  let inValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      values++;
      inValue = false;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      values++;
      inValue = false;
      if (++depth > maxDepth) return `frame is nested deeper than ${maxDepth} levels`;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
      inValue = false;
    } else if (c === 0x2c /* , */ || c === 0x3a /* : */ || c <= 0x20) {
      inValue = false;
    } else if (!inValue) {
      // The first character of a number or literal.
      values++;
      inValue = true;
    }
    if (values > maxValues) return `frame holds more than ${maxValues} values`;
  }
  return undefined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
