import { type Clock, getWindow } from '@tandem/sdk-core';

type AudioContextClass = typeof AudioContext;

/**
 * A short two-note chime for new messages, made with Web Audio (no file to fetch). Browsers let a page play
 * sound only after a user gesture, so `unlock` runs on the visitor's first action in the chat. With several
 * tabs open, only the first to claim a message (a Web Lock) plays it.
 */
export function createChime(clock: Clock) {
  let context: AudioContext | undefined;
  const win = getWindow() as
    | (Window & { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass })
    | undefined;

  function play(): void {
    if (context?.state !== 'running') return;
    const now = context.currentTime;
    const gain = context.createGain();
    gain.connect(context.destination);
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.35);
    for (const [frequency, at] of [
      [660, 0],
      [880, 0.12],
    ] as const) {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(now + at);
      tone.stop(now + at + 0.2);
    }
  }

  return {
    unlock(): void {
      const Context = win?.AudioContext ?? win?.webkitAudioContext;
      if (!Context) return;
      context ??= new Context();
      if (context.state === 'suspended') context.resume().catch(() => undefined);
    },

    /** Plays once across the visitor's tabs for this message id. */
    ring(messageId: string): void {
      const locks = win?.navigator.locks;
      if (!locks) {
        play();
        return;
      }
      locks
        .request(`tandem:chime:${messageId}`, { ifAvailable: true }, (lock) => {
          if (!lock) return undefined;
          play();
          // Held a little while, so that tabs hearing of the message later do not ring again.
          return new Promise<void>((resolve) => clock.setTimeout(resolve, 5000));
        })
        .catch(() => undefined);
    },

    close(): void {
      context?.close().catch(() => undefined);
    },
  };
}
