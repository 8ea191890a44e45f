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

/**
 * Parses untrusted text into a frame: size first (before JSON.parse allocates), then JSON, then the
 * schema. Never throws; the message names the field that failed.
 */
export function decodeFrame<M extends Readonly<Record<string, z.ZodMiniType>>>(
  schemas: M,
  data: string,
  maxBytes = defaultMaxFrameBytes,
): Decoded<{ [K in keyof M]: z.infer<M[K]> }[keyof M]> {
  // Length in UTF-16 units is at least a third of the UTF-8 size: a cheap first cut before measuring.
  if (data.length > maxBytes || utf8Length(data) > maxBytes) {
    return { ok: false, code: 'frame_too_big', message: `frame is larger than ${maxBytes} bytes` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { ok: false, code: 'malformed_frame', message: 'frame is not valid JSON' };
  }
  if (tooDeep(parsed, maxFrameDepth)) {
    return {
      ok: false,
      code: 'malformed_frame',
      message: `frame is nested deeper than ${maxFrameDepth} levels`,
    };
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

/** Iterative, so that checking a hostile value cannot itself overflow the stack. */
function tooDeep(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
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
