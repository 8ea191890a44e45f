import { channelSelector } from '@tandem/channel-selector';
import {
  type Capability,
  capabilityNames,
  createMemoryTransport,
  createSessionClient,
  createTandem,
  protocolBackend,
} from '@tandem/sdk-core';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../sdk-core/test/fake-clock';
import { offering } from '../../sdk-core/test/offering';
import { contactCenter, fixture } from '../../server/test/harness';
import { type ChatOptions, chatWidget } from '../src/index';

const instances: Array<{ destroy(): void }> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.destroy();
  document.body.innerHTML = '';
});

async function setup(
  options: ChatOptions = {},
  config: unknown = fixture,
  features: readonly Capability[] = capabilityNames,
) {
  const cc = contactCenter(config);
  const ada = await cc.agent('ada');
  const transport = createMemoryTransport({ accept: (peer) => cc.server.accept(peer) });
  const session = createSessionClient({ transport, role: 'customer', clock: cc.clock });
  const tandem = createTandem({
    backend: offering(protocolBackend(session), features),
    plugins: [channelSelector(), chatWidget({ subject: 'billing', ...options })],
    channels: { chat: {} },
    clock: cc.clock,
    random: () => 0.5,
    storage: memoryStore(),
  });
  instances.push(tandem);
  await new Promise<void>((resolve) => tandem.on('Tandem.ready', () => resolve()));
  const root = document.querySelector('[data-tandem-host]')?.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const view = within(root as unknown as HTMLElement);
  /** Lets the in-memory server answer, then lets preact paint. */
  const pump = async () => {
    await cc.settle(10);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const openChat = async () => {
    await cc.settled(tandem.command('Chat.open'));
    await pump();
    return view.getByRole('dialog', { name: 'Chat' });
  };
  return { cc, ada, tandem, root, view, pump, openChat, transport };
}

async function startChat(ctx: Awaited<ReturnType<typeof setup>>) {
  const dialog = await ctx.openChat();
  fireEvent.input(within(dialog).getByLabelText('Your name'), { target: { value: 'Zoé' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Start chat' }));
  await ctx.pump();
  const [invite] = await waitForInvite(ctx);
  return { dialog, conversationId: invite };
}

async function waitForInvite(ctx: Awaited<ReturnType<typeof setup>>): Promise<string[]> {
  await ctx.ada.client.setState('Ready');
  await ctx.cc.elapse(500);
  await ctx.pump();
  const id = ctx.ada.invites.at(-1)?.interactionId;
  if (!id) throw new Error('no invitation');
  await ctx.cc.settled(ctx.ada.client.accept(id));
  await ctx.pump();
  return [id];
}

describe('chat window', () => {
  it('draws its icons (emoji button) as inline SVG, never as a font glyph that may be missing', async () => {
    const ctx = await setup();
    const { dialog } = await startChat(ctx);
    const emoji = within(dialog).getByLabelText('Insert emoji');
    expect(emoji.textContent?.trim()).toBe('');
    expect(emoji.querySelector('svg')).not.toBeNull();
  });

  it('opens as a labelled dialog on the pre-chat form, focus on its first field, and names missing fields', async () => {
    const ctx = await setup();
    const dialog = await ctx.openChat();
    const name = within(dialog).getByLabelText('Your name');
    await waitFor(() => expect(ctx.root.activeElement).toBe(name));
    fireEvent.input(within(dialog).getByLabelText(/Email/), { target: { value: 'not-an-email' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start chat' }));
    await ctx.pump();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Your name is required.').id).toBe(name.getAttribute('aria-describedby'));
    expect(within(dialog).getByText('Enter an email address such as name@example.com.')).toBeTruthy();
    expect(ctx.root.activeElement).toBe(name);
  });

  it('waits with the queue position, then carries a whole conversation in a role=log region', async () => {
    const ctx = await setup();
    const dialog = await ctx.openChat();
    fireEvent.input(within(dialog).getByLabelText('Your name'), { target: { value: 'Zoé' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start chat' }));
    await ctx.pump();
    await ctx.cc.elapse(300);
    await ctx.pump();
    // Shown, and said once in a status region (the estimate is shown only).
    expect(within(dialog).getAllByText(/You are number 1 in line/)).toHaveLength(2);
    expect(within(dialog).getByRole('button', { name: 'Cancel request' })).toBeTruthy();
    const [conversationId] = await waitForInvite(ctx);
    expect(ctx.view.getByRole('dialog', { name: 'Chat with Ada' })).toBeTruthy();
    const log = ctx.view.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByText('Ada joined the chat')).toBeTruthy();

    const box = ctx.view.getByRole('textbox', { name: 'Type your message' });
    fireEvent.input(box, { target: { value: 'Where is my order?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(within(log).getByText('Where is my order?')).toBeTruthy();
    await ctx.pump();
    await ctx.pump();
    expect(ctx.ada.messages).toContain('customer:Where is my order?');
    expect(within(log).queryByText('Sending…')).toBeNull();
    expect((box as HTMLTextAreaElement).value).toBe('');

    // The visitor goes back to the page: a new message does not pull focus into the chat.
    const search = document.createElement('input');
    document.body.prepend(search);
    search.focus();
    await ctx.cc.settled(ctx.ada.client.send(conversationId ?? '', 'It left our warehouse today.'));
    await ctx.pump();
    expect(within(log).getByText('It left our warehouse today.')).toBeTruthy();
    expect(document.activeElement).toBe(search);
  });

  it('renders hostile agent content as text, with only safe links and allowed images', async () => {
    const ctx = await setup({ imageOrigins: ['https://cdn.example.com'] });
    const { conversationId } = await startChat(ctx);
    const id = conversationId ?? '';
    for (const text of [
      '</textarea><script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1) and https://shop.example/orders?id=1.',
      'https://cdn.example.com/p/cup.png https://evil.example/x.png',
    ]) {
      await ctx.cc.settled(ctx.ada.client.send(id, text));
    }
    await ctx.pump();
    const log = ctx.view.getByRole('log', { name: 'Conversation' });
    expect(log.querySelector('script')).toBeNull();
    expect(within(log).getByText('</textarea><script>alert(1)</script>')).toBeTruthy();
    expect(within(log).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    const links = within(log).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://shop.example/orders?id=1',
      'https://cdn.example.com/p/cup.png',
      'https://evil.example/x.png',
    ]);
    for (const link of links) expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    const images = log.querySelectorAll('img');
    expect([...images].map((img) => img.getAttribute('src'))).toEqual(['https://cdn.example.com/p/cup.png']);
    expect(within(log).getByRole('img', { name: 'Image sent by Ada' })).toBeTruthy();
  });

  it("offers the agent's quick replies as buttons until the customer answers", async () => {
    const ctx = await setup();
    const { conversationId } = await startChat(ctx);
    const id = conversationId ?? '';
    await ctx.cc.settled(ctx.ada.client.send(id, 'Is it about a delivery?', 'all', ['Yes', 'No, a refund']));
    await ctx.pump();
    const log = ctx.view.getByRole('log', { name: 'Conversation' });
    fireEvent.click(within(log).getByRole('button', { name: 'No, a refund' }));
    await ctx.pump();
    await ctx.pump();
    expect(ctx.ada.messages).toContain('customer:No, a refund');
    expect(within(log).queryByRole('button', { name: 'Yes' })).toBeNull();
  });

  it('asks for no rating when the visitor cancels a request no agent answered', async () => {
    const ctx = await setup({ rating: true });
    const dialog = await ctx.openChat();
    fireEvent.input(within(dialog).getByLabelText('Your name'), { target: { value: 'Zoé' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start chat' }));
    await ctx.pump();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel request' }));
    await ctx.pump();
    await ctx.pump();
    expect(ctx.view.getByText('The chat has ended.')).toBeTruthy();
    expect(ctx.view.queryByText('How was your chat?')).toBeNull();
  });

  it('ends only after confirmation, then takes a rating that reaches the reports', async () => {
    const ctx = await setup({ rating: true });
    await startChat(ctx);
    fireEvent.click(ctx.view.getByRole('button', { name: 'More actions' }));
    fireEvent.click(ctx.view.getByRole('button', { name: 'End chat' }));
    const confirm = ctx.view.getByRole('alertdialog', { name: 'End this chat?' });
    expect(ctx.root.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep chatting' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'End chat' }));
    await ctx.pump();
    await ctx.pump();
    expect(ctx.view.getByText('The chat has ended.')).toBeTruthy();
    expect(ctx.view.queryByRole('textbox', { name: 'Type your message' })).toBeNull();
    fireEvent.click(ctx.view.getByRole('radio', { name: '4 out of 5' }));
    fireEvent.input(ctx.view.getByLabelText('Anything to add? (optional)'), { target: { value: 'Quick!' } });
    fireEvent.click(ctx.view.getByRole('button', { name: 'Send rating' }));
    await ctx.pump();
    await ctx.pump();
    expect(ctx.view.getByText('Thank you for your feedback.')).toBeTruthy();
    expect(ctx.cc.server.reports.ratings()).toMatchObject([
      { queue: 'billing', score: 4, comment: 'Quick!' },
    ]);
    fireEvent.click(ctx.view.getByRole('button', { name: 'Start a new chat' }));
    await ctx.pump();
    expect(ctx.view.getByLabelText('Your name')).toBeTruthy();
  });

  it('closes on Esc with focus back on the launcher, and counts unread messages on the launcher', async () => {
    const ctx = await setup();
    const { conversationId } = await startChat(ctx);
    const dialog = ctx.view.getByRole('dialog', { name: 'Chat with Ada' });
    fireEvent.keyDown(within(dialog).getByRole('textbox', { name: 'Type your message' }), { key: 'Escape' });
    await ctx.pump();
    expect(ctx.view.queryByRole('dialog')).toBeNull();
    const launcher = ctx.view.getByRole('button', { name: 'Contact us' });
    expect(ctx.root.activeElement).toBe(launcher);
    await ctx.cc.settled(ctx.ada.client.send(conversationId ?? '', 'Still there?'));
    await ctx.pump();
    expect(ctx.view.getByRole('button', { name: 'Contact us 1 new' })).toBeTruthy();
    // With a conversation in progress the launcher goes straight back to it.
    fireEvent.click(ctx.view.getByRole('button', { name: 'Contact us 1 new' }));
    await ctx.pump();
    await ctx.pump();
    expect(ctx.view.getByRole('dialog', { name: 'Chat with Ada' })).toBeTruthy();
    expect(ctx.view.getByRole('button', { name: 'Contact us' })).toBeTruthy();
  });

  it('minimizes to a bar that shows new messages and opens again', async () => {
    const ctx = await setup();
    const { conversationId } = await startChat(ctx);
    fireEvent.click(ctx.view.getByRole('button', { name: 'Minimize chat' }));
    await ctx.pump();
    await ctx.cc.settled(ctx.ada.client.send(conversationId ?? '', 'One more thing'));
    await ctx.pump();
    const bar = ctx.view.getByRole('button', { name: /Open chat: Chat with Ada/ });
    expect(bar.textContent).toContain('1 new');
    fireEvent.click(bar);
    await ctx.pump();
    expect(within(ctx.view.getByRole('log')).getByText('One more thing')).toBeTruthy();
  });

  it('offers the offline form when chat is closed, and leaves the message for later', async () => {
    const closed = structuredClone(fixture);
    closed.hours.chat = { timeZone: 'Europe/Paris', weekly: { sun: [['09:00', '10:00']] } };
    const ctx = await setup({}, closed);
    const dialog = await ctx.openChat();
    await ctx.pump();
    expect(within(dialog).getByText('Leave us a message.')).toBeTruthy();
    fireEvent.input(within(dialog).getByLabelText('Email'), { target: { value: 'zoe@example.com' } });
    fireEvent.input(within(dialog).getByLabelText('Your message'), { target: { value: 'Call me back' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send message' }));
    await ctx.pump();
    await ctx.pump();
    expect(within(dialog).getByText('Thank you. We will get back to you soon.')).toBeTruthy();
  });

  it('offers to leave a message, not a chat, when no agent is logged in', async () => {
    const ctx = await setup();
    await ctx.cc.settled(ctx.ada.client.logOut());
    const dialog = await ctx.openChat();
    await ctx.pump();
    expect(within(dialog).getByText(/No one is available to chat right now/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Start chat' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Send message' })).toBeTruthy();
  });

  it('on a backend without messaging, says chat is unavailable and offers no message to leave', async () => {
    const ctx = await setup({ prechat: { fields: {} } }, fixture, ['chat']);
    await ctx.cc.settled(ctx.ada.client.logOut());
    const dialog = await ctx.openChat();
    await ctx.pump();
    const said = within(dialog)
      .getAllByRole('status')
      .map((status) => status.textContent);
    expect(said).toContain('No one is available to chat right now.');
    expect(within(dialog).queryByRole('button', { name: 'Send message' })).toBeNull();
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await expect(ctx.tandem.command('Messaging.open')).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('on a backend without messaging, a waiting visitor whose last agent logs out may only cancel', async () => {
    const ctx = await setup({ prechat: { fields: {} } }, fixture, ['chat']);
    const dialog = await ctx.openChat();
    const box = within(dialog).getByRole('textbox', { name: 'Type your message' });
    fireEvent.input(box, { target: { value: 'My parcel never came' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await ctx.pump();
    await ctx.cc.settled(ctx.ada.client.logOut());
    await ctx.cc.elapse(1_000);
    await ctx.pump();
    expect(within(dialog).getAllByText('No one is available to chat right now.').length).toBeGreaterThan(0);
    expect(within(dialog).queryByRole('button', { name: 'Leave a message' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Cancel request' })).toBeTruthy();
  });

  it('tells a waiting visitor when the last agent logs out, and carries what they wrote into a message', async () => {
    const ctx = await setup({ prechat: { fields: {} } });
    const dialog = await ctx.openChat();
    const box = within(dialog).getByRole('textbox', { name: 'Type your message' });
    fireEvent.input(box, { target: { value: 'My parcel never came' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await ctx.pump();
    await ctx.cc.elapse(1_000);
    await ctx.pump();
    expect(within(dialog).queryByRole('button', { name: 'Leave a message' })).toBeNull();
    await ctx.cc.settled(ctx.ada.client.logOut());
    await ctx.cc.elapse(1_000);
    await ctx.pump();
    // Said once to a screen reader, and shown.
    const said = within(dialog)
      .getAllByRole('status')
      .map((status) => status.textContent);
    expect(said).toContain('No one is available to chat right now.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leave a message' }));
    await ctx.pump();
    await ctx.pump();
    expect((within(dialog).getByLabelText('Your message') as HTMLTextAreaElement).value).toBe(
      'My parcel never came',
    );
    // The request is withdrawn: no agent logging in later finds a visitor who has gone.
    const [interaction] = [...ctx.cc.server.interactions.values()];
    expect(interaction?.state).toBe('ended');
    expect(within(dialog).queryByText('How was your chat?')).toBeNull();
  });

  it("shows times by day, and each state of the visitor's latest message up to read by the agent", async () => {
    const ctx = await setup();
    const { conversationId } = await startChat(ctx);
    const log = ctx.view.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByText('Today')).toBeTruthy();
    const box = ctx.view.getByRole('textbox', { name: 'Type your message' });
    fireEvent.input(box, { target: { value: 'Anyone there?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(within(log).getByText(/Sending…/)).toBeTruthy();
    await ctx.pump();
    await ctx.pump();
    expect(within(log).getByText(/· Sent$/)).toBeTruthy();
    // The time the visitor sent it, machine-readable for assistive technology.
    const sentAt = Date.parse(log.querySelector('.mine time')?.getAttribute('datetime') ?? '');
    expect(ctx.cc.clock.now() - sentAt).toBeLessThan(1_000);
    const mine = ctx.cc.server.interactions.get(conversationId ?? '')?.transcript.at(-1)?.id ?? '';
    await ctx.cc.settled(ctx.ada.client.read(conversationId ?? '', mine));
    await ctx.pump();
    expect(within(log).getByText(/· Read$/)).toBeTruthy();
    expect(within(log).queryByText(/· Sent$/)).toBeNull();
  });

  it('sends a read receipt for the newest message in view, once', async () => {
    const ctx = await setup();
    const { conversationId } = await startChat(ctx);
    const reads: string[] = [];
    ctx.ada.client.on('read', ({ upTo }) => reads.push(upTo));
    await ctx.cc.settled(ctx.ada.client.send(conversationId ?? '', 'Hello Zoé'));
    await ctx.pump();
    await ctx.pump();
    const reply = ctx.cc.server.interactions.get(conversationId ?? '')?.transcript.at(-1)?.id;
    expect(reads).toEqual([reply]);
  });

  it('ends plainly when the backend no longer has the chat (a restart lost it), and starts again', async () => {
    const ctx = await setup();
    const { dialog, conversationId } = await startChat(ctx);
    ctx.cc.server.interactions.delete(conversationId ?? '');
    ctx.transport.drop();
    await ctx.cc.elapse(5_000);
    await ctx.pump();
    await ctx.pump();
    expect(
      within(dialog).getByText('This chat was interrupted on our side and could not continue.'),
    ).toBeTruthy();
    expect(ctx.view.getByRole('dialog', { name: 'Chat' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start a new chat' }));
    await ctx.pump();
    expect(
      within(ctx.view.getByRole('dialog', { name: 'Chat' })).getByRole('button', { name: 'Start chat' }),
    ).toBeTruthy();
  });

  it('ends when End chat finds nothing left to end on the backend', async () => {
    const ctx = await setup();
    const { dialog, conversationId } = await startChat(ctx);
    ctx.cc.server.interactions.delete(conversationId ?? '');
    await ctx.cc.settled(ctx.tandem.command('Chat.end'));
    await ctx.pump();
    expect(within(dialog).getByText('The chat has ended.')).toBeTruthy();
  });

  it('names a bad option under chat. and stays out of the way', async () => {
    const error = vi.mocked(console.error);
    const tandem = createTandem({
      plugins: [chatWidget({ prechat: { fields: { '1st': {} } }, imageOrigins: ['http://x.test'] })],
      backend: { url: '/tandem' },
    });
    instances.push(tandem);
    await expect(tandem.command('Chat.open')).rejects.toMatchObject({ code: 'unknown_command' });
    const message = String(error.mock.calls[0]?.[1]);
    error.mockClear();
    expect(message).toContain(
      'chat.prechat.fields.1st: expected a field name of letters, digits, "-" or "_"',
    );
    expect(message).toContain(
      'chat.imageOrigins: expected a list of origins such as ["https://cdn.example.com"]',
    );
  });
});
