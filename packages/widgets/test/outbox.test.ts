import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../sdk-core/test/fake-clock';
import type { ChatEntry } from '../src/chat/controller';
import { createOutbox } from '../src/chat/outbox';

function outbox() {
  const clock = fakeClock();
  const signals: Array<{ at: number; typing: boolean }> = [];
  let messages: readonly ChatEntry[] = [];
  const box = createOutbox({
    clock,
    random: () => 0.5,
    messages: () => messages,
    setMessages: (next) => {
      messages = next;
    },
    send: () => Promise.resolve(),
    typing: (typing) => signals.push({ at: clock.now(), typing }),
    sent: () => undefined,
  });
  return { clock, box, signals, start: clock.now() };
}

describe('typing indicator (throttled)', () => {
  it('says "typing" at most once every 3 s however fast the visitor types', () => {
    const { clock, box, signals, start } = outbox();
    for (let i = 0; i < 70; i++) {
      box.typed();
      clock.advance(100);
    }
    expect(signals.filter((s) => s.typing).map((s) => s.at - start)).toEqual([0, 3000, 6000]);
  });

  it('says "stopped" after 5 s without a keystroke, and at once when the message is sent', async () => {
    const { clock, box, signals, start } = outbox();
    box.typed();
    clock.advance(4999);
    expect(signals).toEqual([{ at: start, typing: true }]);
    clock.advance(1);
    expect(signals.at(-1)).toEqual({ at: start + 5000, typing: false });
    box.typed();
    await box.send('hello');
    expect(signals.at(-1)).toEqual({ at: start + 5000, typing: false });
    expect(signals).toHaveLength(4);
  });
});
