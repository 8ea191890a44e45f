import { channelSelector } from '@tandem/channel-selector';
import { createMemoryTransport, createSessionClient, createTandem, protocolBackend } from '@tandem/sdk-core';
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../../sdk-core/test/fake-clock';
import { contactCenter } from '../../server/test/harness';
import { messagingWidget } from '../src/index';

const instances: Array<{ destroy(): void }> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.destroy();
  document.body.innerHTML = '';
});

async function setup() {
  const cc = contactCenter();
  const ada = await cc.agent('ada');
  await ada.client.setState('Ready');
  const store = memoryStore();
  const open = async (resume?: { token: string; lastSeq: number }) => {
    let saved = resume;
    const session = createSessionClient({
      transport: createMemoryTransport({ accept: (peer) => cc.server.accept(peer) }),
      role: 'customer',
      clock: cc.clock,
      ...(resume ? { resume } : {}),
      onResumeState: (state) => {
        saved = state;
      },
    });
    const tandem = createTandem({
      backend: protocolBackend(session),
      plugins: [channelSelector(), messagingWidget({ subject: 'billing' })],
      channels: { messaging: {} },
      clock: cc.clock,
      random: () => 0.5,
      storage: store,
    });
    instances.push(tandem);
    await new Promise<void>((resolve) => tandem.on('Tandem.ready', () => resolve()));
    const root = document.querySelector('[data-tandem-host]')?.shadowRoot;
    if (!root) throw new Error('no shadow root');
    const resumeState = () => {
      if (!saved) throw new Error('no resume state');
      return saved;
    };
    return { tandem, session, root, resume: resumeState, view: within(root as unknown as HTMLElement) };
  };
  const pump = async () => {
    await cc.settle(10);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { cc, ada, open, pump };
}

describe('messaging window', () => {
  it('opens from the selector, sends into the thread, shows the reply, and counts replies while closed', async () => {
    const { cc, ada, open, pump } = await setup();
    const { tandem, view, root } = await open();
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    await pump(); // the selector moves focus in, as a person would see before choosing
    fireEvent.click(view.getByRole('button', { name: 'Send us a message' }));
    await pump();
    const dialog = view.getByRole('dialog', { name: 'Messages' });
    const box = within(dialog).getByRole('textbox', { name: 'Type your message' });
    expect(root.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'Can I change my delivery address?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await pump();
    await cc.elapse(300);
    await pump();
    const invite = ada.invites.at(-1);
    expect(invite).toMatchObject({ media: 'messaging', subject: 'billing' });
    await cc.settled(ada.client.accept(invite?.interactionId ?? ''));
    await cc.settled(ada.client.send(invite?.interactionId ?? '', 'Yes, until it ships.'));
    await pump();
    const log = view.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByText('Yes, until it ships.')).toBeTruthy();

    const unread: number[] = [];
    tandem.on('Messaging.unreadChanged', ({ count }) => unread.push(count));
    fireEvent.keyDown(box, { key: 'Escape' });
    await pump();
    expect(view.queryByRole('dialog')).toBeNull();
    await cc.settled(ada.client.send(invite?.interactionId ?? '', 'Done, it is updated.'));
    await pump();
    expect(unread).toEqual([1]);
    // The launcher shows the reply waiting, as it does for chat.
    expect(view.getByRole('button', { name: /Contact us/ }).textContent).toContain('1 new');
    await cc.settled(tandem.command('Messaging.open'));
    await pump();
    expect(unread).toEqual([1, 0]);
    expect(view.getByRole('button', { name: /Contact us/ }).textContent).not.toContain('new');
    expect(within(view.getByRole('log')).getByText('Done, it is updated.')).toBeTruthy();
  });

  it('shows a returning visitor the same thread, each message once', async () => {
    const { cc, ada, open, pump } = await setup();
    const first = await open();
    await cc.settled(first.tandem.command('Messaging.send', { text: 'Hello there' }));
    await cc.elapse(300);
    const id = ada.invites.at(-1)?.interactionId ?? '';
    await cc.settled(ada.client.accept(id));
    await cc.settled(ada.client.send(id, 'Hi! How can I help?'));
    // The page goes away and comes back: the same session resumes (its token is in storage).
    first.tandem.destroy();
    document.body.innerHTML = '';
    const again = await open(first.resume());
    await cc.settled(again.tandem.command('Messaging.open'));
    await pump();
    await pump();
    const log = again.view.getByRole('log');
    expect(
      within(log)
        .getAllByText(/^(Hello there|Hi! How can I help\?)$/)
        .map((e) => e.textContent),
    ).toEqual(['Hello there', 'Hi! How can I help?']);
  });
});
