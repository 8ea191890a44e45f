// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createMemoryTransport } from '../src/backend/memory-transport';
import { createAgentClient } from '../src/client/agent-client';
import { fakeClock } from './fake-clock';
import { settle } from './session-harness';

// The agent client trusts the server no more than any network peer (issue 18): what it hands the desktop
// has passed the protocol's schemas. A server (or anyone in its place) sends what it likes here.
function hostileServer(answers: Record<string, unknown>, events: Array<{ name: string; data: unknown }>) {
  return createMemoryTransport({
    accept(peer) {
      let seq = 0;
      peer.onMessage((text) => {
        const frame = JSON.parse(text);
        if (frame.type === 'hello') {
          peer.send(
            JSON.stringify({ type: 'welcome', version: 1, token: 't', resumed: false, subject: 'ada', seq }),
          );
          for (const event of events) peer.send(JSON.stringify({ type: 'event', seq: ++seq, ...event }));
        }
        if (frame.type === 'cmd') {
          peer.send(
            JSON.stringify({
              type: 'result',
              seq: ++seq,
              id: frame.id,
              ok: true,
              value: answers[frame.name],
            }),
          );
        }
      });
    },
  });
}

describe('the agent client validates what it receives', () => {
  it('hands on well-formed events, and drops unknown or malformed ones, reporting each', async () => {
    const transport = hostileServer({ 'agent.me': undefined }, [
      { name: 'agent.inviteRevoked', data: { interactionId: 'chat-1', reason: 'timeout' } },
      { name: 'agent.inviteRevoked', data: { interactionId: { $gt: '' }, reason: 'timeout' } },
      {
        name: 'agent.message',
        data: {
          interactionId: 'chat-1',
          message: { id: 'm', from: 'hacker', text: 'x', at: 1, visibility: 'all' },
        },
      },
      { name: 'agent.constructor', data: {} },
      { name: 'agent.selfDestruct', data: {} },
    ]);
    const invalid: string[] = [];
    const agent = createAgentClient({
      transport,
      username: 'ada',
      password: 'x',
      clock: fakeClock(),
      onInvalidEvent: (name) => invalid.push(name),
    });
    const revoked: unknown[] = [];
    const messages: unknown[] = [];
    agent.on('inviteRevoked', (event) => revoked.push(event));
    agent.on('message', (event) => messages.push(event));
    void agent.start().catch(() => undefined);
    await settle(10);
    expect(revoked).toEqual([{ interactionId: 'chat-1', reason: 'timeout' }]);
    expect(messages).toEqual([]);
    expect(invalid).toEqual([
      'agent.inviteRevoked',
      'agent.message',
      'agent.constructor',
      'agent.selfDestruct',
    ]);
    agent.stop();
  });

  it('refuses an answer that does not match its schema, with a coded error', async () => {
    const transport = hostileServer(
      {
        'agent.me': {
          id: 'ada',
          name: 'Ada',
          state: 'Ready',
          notReadyReasons: 'all of them',
          wrapUpCodes: [],
          subjects: [],
        },
        'agent.roster': [{ id: 'bob', name: 'x'.repeat(10_000), state: 'Ready' }],
      },
      [],
    );
    const agent = createAgentClient({ transport, username: 'ada', password: 'x', clock: fakeClock() });
    const profile = agent.start();
    profile.catch(() => undefined);
    await settle(10);
    await expect(profile).rejects.toMatchObject({ code: 'bad_response' });
    const roster = agent.roster();
    roster.catch(() => undefined);
    await settle(10);
    await expect(roster).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringContaining('agent.roster'),
    });
    agent.stop();
  });
});
