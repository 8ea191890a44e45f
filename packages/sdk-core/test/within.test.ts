import { describe, expect, it } from 'vitest';
import { within } from '../src/clock';
import { fakeClock } from './fake-clock';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('within: a promise, or a moment, whichever comes first', () => {
  it('resolves when the promise settles, fulfilled or rejected, and clears its timer', async () => {
    const clock = fakeClock();
    expect(await settled(within(clock, 1000, Promise.resolve('x')))).toBe(true);
    expect(await settled(within(clock, 1000, Promise.reject(new Error('down'))))).toBe(true);
    clock.advance(5000); // no timer left to fire into anything
  });

  it('resolves after the time when the promise never settles', async () => {
    const clock = fakeClock();
    const waiting = within(clock, 1000, new Promise(() => undefined));
    expect(await settled(waiting)).toBe(false);
    clock.advance(999);
    expect(await settled(waiting)).toBe(false);
    clock.advance(1);
    expect(await settled(waiting)).toBe(true);
  });
});
