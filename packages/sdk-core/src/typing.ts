import type { Clock, TimerHandle } from './clock';

/** How often "typing" goes out while keys keep coming, and the quiet after which "stopped" follows. */
export const typingRepeatMs = 3000;
export const typingQuietMs = 5000;

/**
 * The typing signal of one conversation, for visitors and agents alike: "typing" at most once every 3 s
 * while keys come, "stopped" after 5 s without one or when the message is sent.
 */
export function createTypingSignal(clock: Clock, send: (typing: boolean) => void) {
  let since: number | undefined;
  let quiet: TimerHandle | undefined;

  function stop(): void {
    if (quiet !== undefined) clock.clearTimeout(quiet);
    quiet = undefined;
    if (since === undefined) return;
    since = undefined;
    send(false);
  }

  return {
    /** A key was pressed in the message box. */
    typed(): void {
      const now = clock.now();
      if (since === undefined || now - since >= typingRepeatMs) {
        since = now;
        send(true);
      }
      if (quiet !== undefined) clock.clearTimeout(quiet);
      quiet = clock.setTimeout(stop, typingQuietMs);
    },
    /** The message went, or the box was left: "stopped" now if "typing" was said. */
    stop,
    /** Forgets the timer without saying anything (the conversation is gone). */
    dispose(): void {
      if (quiet !== undefined) clock.clearTimeout(quiet);
    },
  };
}
