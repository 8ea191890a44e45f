// A front-end developer's way in: the npm packages, no script tag, and a UI of the app's own. Everything
// Tandem returns is rendered with textContent, never as HTML.
import { createTandem } from '@tandem/sdk-core';
import { type ChatState, chat } from '@tandem/widgets';

const tandem = createTandem({
  backend: { url: '/tandem' },
  locale: 'en',
  plugins: [chat({ subject: 'products' })],
});

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const panel = byId<HTMLElement>('help-panel');
const toggle = byId<HTMLButtonElement>('help-toggle');
const log = byId<HTMLOListElement>('help-log');
const status = byId<HTMLParagraphElement>('help-status');
const form = byId<HTMLFormElement>('help-form');
const input = byId<HTMLInputElement>('help-input');
const unread = byId<HTMLSpanElement>('help-unread');

toggle.addEventListener('click', async () => {
  const opening = panel.hidden;
  panel.hidden = !opening;
  toggle.setAttribute('aria-expanded', String(opening));
  if (!opening) {
    await tandem.command('Chat.close');
    return;
  }
  await tandem.command('Chat.open');
  input.focus();
  const state = await tandem.command('Chat.state');
  if (state.phase === 'idle' || state.phase === 'ended')
    await tandem.command('Chat.start', { fields: { page: location.pathname } });
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  // The text stays in the box until the server has it: nothing typed is lost.
  tandem.command('Chat.send', { text }).then(
    () => {
      if (input.value.trim() === text) input.value = '';
    },
    () => undefined,
  );
});

tandem.on('Chat.changed', render);
tandem.on('Chat.unreadChanged', ({ count }) => {
  unread.textContent = count > 0 ? String(count) : '';
  unread.hidden = count === 0;
});

function render(state: ChatState): void {
  status.textContent =
    state.phase === 'queued'
      ? `Waiting for an agent${state.queue ? ` (number ${state.queue.position} in line)` : ''}…`
      : state.phase === 'connected'
        ? `Chatting with ${state.agents.join(' and ')}`
        : state.phase === 'ended'
          ? 'The chat has ended.'
          : '';
  log.replaceChildren(
    ...state.messages.map((message) => {
      const item = document.createElement('li');
      item.className = `from-${message.from}`;
      const who = message.from === 'customer' ? 'You' : (message.authorName ?? 'Tandem Coffee');
      item.textContent = `${who}: ${message.text}`;
      if (message.status === 'failed') {
        const retry = document.createElement('button');
        retry.type = 'button';
        retry.textContent = 'Not sent, try again';
        retry.addEventListener(
          'click',
          () => void tandem.command('Chat.retry', { id: message.id }).catch(() => undefined),
        );
        item.append(' ', retry);
      }
      return item;
    }),
  );
}
