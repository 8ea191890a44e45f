import type { AgentMessage } from '@tandem/sdk-core/agent';
import { describe, expect, it } from 'vitest';
import { aroundTheClock, useEngine } from '../support/engines';
import { agentOverWebSocket, useHost } from '../support/host';

const env = useHost({ config: aroundTheClock(), browser: false });
const engine = useEngine();

/** Alice, Ready over WebSocket from Node, accepting what she is offered and noting what she reads. */
async function readyAgent() {
  const agent = agentOverWebSocket(env.host, 'alice');
  const invites: string[] = [];
  const received: AgentMessage[] = [];
  agent.on('invite', ({ interactionId }) => {
    invites.push(interactionId);
    void agent.accept(interactionId);
  });
  agent.on('message', ({ message }) => received.push(message));
  await agent.start();
  await agent.setState('Ready');
  return { agent, invites, received };
}

describe(`chat on the demo shop (${engine.name} customer, agent over WebSocket)`, () => {
  it('starts a chat from the selector; customer and agent each read what the other wrote', async () => {
    const { agent, invites, received } = await readyAgent();
    const page = await engine.open(`${env.host.url}/`);
    await page.click({ role: 'button', name: 'Contact us' });
    await page.click({ role: 'button', name: /^Chat with us/ });
    const chat = { role: 'dialog', name: 'Chat' };
    await page.type({ role: 'textbox', name: /Your name/, within: chat }, 'Grace Hopper');
    await page.click({ role: 'button', name: 'Start chat', within: chat });

    const log = {
      role: 'log',
      name: 'Conversation',
      within: { role: 'dialog', name: 'Chat with Alice Martin' },
    };
    await page.find({ css: '.note', text: /Alice Martin joined the chat/, within: log });
    const composer = { role: 'textbox', name: 'Type your message' };
    await page.type(composer, 'Is the Ethiopian roast in stock?');
    await page.press(composer, 'Enter');
    await expect
      .poll(() => received.filter((message) => message.from === 'customer').map((message) => message.text))
      .toEqual(['Is the Ethiopian roast in stock?']);

    await agent.send(invites[0] ?? '', 'Yes, we have plenty.');
    await page.find({ css: '.msg', text: /Yes, we have plenty\./, within: log });
    expect(await page.text(log)).toMatch(/Is the Ethiopian roast in stock\?[\s\S]*Yes, we have plenty\./);
    agent.stop();
  });
});
