import { createAgentClient } from '@tandem/sdk-core/agent';
import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../sdk-core/test/fake-clock';
import { createLoginThrottle } from '../src/contact-center/login-throttle';
import { contactCenter } from './harness';

describe('login throttle', () => {
  it('makes the fifth failure wait a second, and doubles the wait with each further one, up to its ceiling', () => {
    const clock = fakeClock();
    const throttle = createLoginThrottle(clock, { maxDelayMs: 8000 });
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      throttle.failed(['account:alice']);
      waits.push(throttle.waitMs(['account:alice']));
    }
    expect(waits).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
    clock.advance(7999);
    expect(throttle.waitMs(['account:alice'])).toBe(1);
    clock.advance(1);
    expect(throttle.waitMs(['account:alice', 'address:1.2.3.4'])).toBe(0);
  });

  it('keeps keys apart, forgets a quiet key, and clears an account on success', () => {
    const clock = fakeClock();
    const throttle = createLoginThrottle(clock, { forgetMs: 60_000 });
    for (let i = 0; i < 5; i++) throttle.failed(['account:alice', 'address:a']);
    expect(throttle.waitMs(['account:bruno', 'address:b'])).toBe(0);
    expect(throttle.waitMs(['account:bruno', 'address:a'])).toBe(1000);
    throttle.succeeded(['account:alice']);
    expect(throttle.waitMs(['account:alice'])).toBe(0);
    clock.advance(60_001);
    expect(throttle.waitMs(['address:a'])).toBe(0);
    throttle.failed(['address:a']);
    expect(throttle.waitMs(['address:a'])).toBe(0);
  });

  it('remembers at most maxKeys keys, dropping the oldest', () => {
    const throttle = createLoginThrottle(fakeClock(), { free: 1, maxKeys: 3 });
    for (const address of ['a', 'b', 'c', 'd']) throttle.failed([`address:${address}`]);
    expect(throttle.waitMs(['address:a'])).toBe(0);
    expect(throttle.waitMs(['address:d'])).toBe(1000);
  });
});

describe('agent sign-in (protocol v1)', () => {
  it('refuses 300 guessed passwords: 13 are checked, the rest wait, and the right one waits too', async () => {
    const cc = contactCenter();
    const outcomes: string[] = [];
    for (let i = 0; i < 300; i++) {
      const client = createAgentClient({
        transport: cc.transport(),
        username: 'ada',
        password: `guess-${i}`,
        clock: cc.clock,
      });
      const started = await cc.settled(client.start()).catch((error: { code: string }) => error.code);
      outcomes.push(String(started));
      client.stop();
      // A guess a second: the first delays run out, the doubling ones do not.
      cc.clock.advance(1000);
    }
    const checked = outcomes.filter((code) => code === 'auth_failed').length;
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('auth_failed'));
    expect(outcomes.filter((code) => code === 'auth_throttled').length).toBe(300 - checked);
    // 300 s of guessing: after the fifth, waits of 1, 2, 4, … 256 s let 9 more through (at 5, 6, 8, 12, …, 260 s).
    expect(checked).toBe(13);
    const right = () =>
      createAgentClient({
        transport: cc.transport(),
        username: 'ada',
        password: 'ada-pass',
        clock: cc.clock,
      });
    const early = await cc
      .settled(right().start())
      .catch((error: { code: string; message: string }) => error);
    expect(early).toMatchObject({
      code: 'auth_throttled',
      message: expect.stringMatching(/try again in \d+ s/),
    });
    cc.clock.advance(15 * 60_000);
    const profile = await cc.settled(right().start());
    expect(profile.id).toBe('ada');
  });

  it('throttles by address across accounts, and says the same for an unknown name as for a wrong password', async () => {
    const cc = contactCenter();
    const tries = [];
    for (const username of ['ada', 'bob', 'nobody', 'cy', 'zoe'])
      tries.push(await cc.server.signIn({ username: username, password: 'wrong' }, '203.0.113.9'));
    expect(tries.map((t) => (t.ok ? 'ok' : t.message))).toEqual(
      Array(5).fill('unknown username or wrong password'),
    );
    expect(await cc.server.signIn({ username: 'bob', password: 'bob-pass' }, '203.0.113.9')).toMatchObject({
      ok: false,
      code: 'auth_throttled',
      retryAfterMs: 1000,
    });
    // Bob from his own address is not held back by a stranger's guesses.
    expect(await cc.server.signIn({ username: 'bob', password: 'bob-pass' }, '198.51.100.4')).toEqual({
      ok: true,
      agentId: 'bob',
    });
  });
});
