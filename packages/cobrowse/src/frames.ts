// rrweb events cross the relay as JSON text in parts: a snapshot may be larger than one protocol frame,
// and text keeps the frame shallow whatever the depth of the page.

/** Characters per part: even if every one were escaped as \uXXXX, a part stays under 1 MiB. */
export const partChars = 128 * 1024;

export interface EventsPart {
  readonly part: number;
  readonly parts: number;
  readonly text: string;
}

export function encodeEvents(events: readonly unknown[], size = partChars): EventsPart[] {
  const text = JSON.stringify(events);
  const parts = Math.max(1, Math.ceil(text.length / size));
  return Array.from({ length: parts }, (_, part) => ({
    part,
    parts,
    text: text.slice(part * size, (part + 1) * size),
  }));
}

const isPart = (data: unknown): data is EventsPart => {
  const part = data as EventsPart;
  return (
    typeof part === 'object' &&
    part !== null &&
    Number.isInteger(part.part) &&
    Number.isInteger(part.parts) &&
    part.part >= 0 &&
    part.part < part.parts &&
    part.parts <= 4096 &&
    typeof part.text === 'string'
  );
};

/**
 * Joins parts in order. Returns the events once the last part is in, else undefined; a part out of order
 * or text that is not a JSON array drops what was gathered rather than guess.
 */
export function createEventsDecoder() {
  let pending: string[] = [];
  return (data: unknown): unknown[] | undefined => {
    if (!isPart(data) || data.part !== pending.length) {
      pending = [];
      return undefined;
    }
    pending.push(data.text);
    if (pending.length < data.parts) return undefined;
    const text = pending.join('');
    pending = [];
    try {
      const events: unknown = JSON.parse(text);
      return Array.isArray(events) ? events : undefined;
    } catch {
      return undefined;
    }
  };
}
