import type { Unsubscribe } from '../bus';

export interface CobrowseFrame {
  readonly sessionId: string;
  readonly kind: string;
  readonly data?: unknown;
  readonly url?: string;
}

type Handler = (frame: CobrowseFrame) => void;

/** What the frames of one session may hold while no view takes them: a large page's snapshot and more. */
export const earlyFrameChars = 16 * 1024 * 1024;

/**
 * Routes co-browse frames to the view of their session. Frames that arrive before a view subscribes (the
 * snapshot often does: the view mounts a render after the join) wait for it, oldest dropped past a bound.
 */
export function createFrameRouter(maxChars = earlyFrameChars) {
  const views = new Map<string, Set<Handler>>();
  const early = new Map<string, { frames: Array<{ frame: CobrowseFrame; chars: number }>; chars: number }>();

  function keep(frame: CobrowseFrame): void {
    const kept = early.get(frame.sessionId) ?? { frames: [], chars: 0 };
    early.set(frame.sessionId, kept);
    const chars = JSON.stringify(frame).length;
    kept.frames.push({ frame, chars });
    kept.chars += chars;
    while (kept.chars > maxChars && kept.frames.length > 1) kept.chars -= kept.frames.shift()?.chars ?? 0;
  }

  return {
    /** One frame from the server; `taken` when some other listener already handles every frame. */
    route(frame: CobrowseFrame, taken: boolean): void {
      const handlers = views.get(frame.sessionId);
      if (handlers?.size) for (const handler of [...handlers]) handler(frame);
      else if (!taken) keep(frame);
    },
    /** Frames of one session: first those that came before, then each as it comes. */
    subscribe(sessionId: string, handler: Handler): Unsubscribe {
      const handlers = views.get(sessionId) ?? new Set<Handler>();
      views.set(sessionId, handlers);
      handlers.add(handler);
      const waiting = early.get(sessionId)?.frames ?? [];
      early.delete(sessionId);
      for (const { frame } of waiting) handler(frame);
      return () => {
        handlers.delete(handler);
        if (handlers.size === 0) views.delete(sessionId);
      };
    },
    /** The session is over: nothing of it is kept. */
    forget(sessionId: string): void {
      early.delete(sessionId);
    },
  };
}
