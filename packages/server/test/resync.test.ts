// @vitest-environment node
import { createAgentClient } from '@tandem/sdk-core/agent';
import { describe, expect, it } from 'vitest';
import { contactCenter } from './harness';

describe('an agent desktop reloaded', () => {
  it('signs back in with the tab’s session token alone and gets each live conversation again, whole', async () => {
    const cc = contactCenter();
    let saved: { token: string; lastSeq: number } | undefined;
    const first = createAgentClient({
      transport: cc.transport(),
      username: 'ada',
      password: 'ada-pass',
      clock: cc.clock,
      onResumeState: (state) => {
        saved = state;
      },
    });
    await cc.settled(first.start());
    await cc.settled(first.setState('Ready'));
    const customer = await cc.customer();
    const { conversationId } = await customer.start('billing', { name: 'Grace' });
    await cc.elapse(500);
    await cc.settled(first.accept(conversationId));
    await customer.say('Before the reload');
    first.stop();
    await cc.settle();

    const again = createAgentClient({ transport: cc.transport(), resume: saved, clock: cc.clock });
    const connected: Array<{ interactionId: string; transcript: Array<{ text: string }> }> = [];
    again.on('connected', (event) => connected.push(event));
    const profile = await cc.settled(again.start());
    expect(profile.id).toBe('ada');
    expect(await cc.settled(again.resync())).toBe(1);
    expect(connected.map((c) => c.interactionId)).toEqual([conversationId]);
    expect(connected[0]?.transcript.map((m) => m.text)).toContain('Before the reload');
  });

  it('refuses a token that names no agent session', async () => {
    const cc = contactCenter();
    const stranger = createAgentClient({
      transport: cc.transport(),
      resume: { token: 'f'.repeat(32), lastSeq: 0 },
      clock: cc.clock,
    });
    await expect(cc.settled(stranger.start())).rejects.toMatchObject({ code: 'auth_failed' });
  });
});
