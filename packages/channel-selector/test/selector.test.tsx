import {
  type BackendAdapter,
  type ChannelAvailability,
  capabilityNames,
  createTandem,
  definePlugin,
  type TandemOptions,
} from '@tandem/sdk-core';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelSelector } from '../src/index';

const instances: Array<{ destroy(): void }> = [];

afterEach(() => {
  for (const instance of instances.splice(0)) instance.destroy();
  document.body.innerHTML = '';
});

/** A stand-in feature plugin that owns Chat.open, as the widgets package will. */
function fakeChat(open = vi.fn()) {
  return definePlugin({
    name: 'Chat',
    setup: (context) => void context.register('Chat.open', { run: open }),
  });
}

async function mount(options: TandemOptions = {}) {
  const tandem = createTandem({ ...options, plugins: [channelSelector(), ...(options.plugins ?? [])] });
  instances.push(tandem);
  await new Promise<void>((resolve) => tandem.on('Tandem.ready', () => resolve()));
  const root = document.querySelector('[data-tandem-host]')?.shadowRoot;
  if (!root) throw new Error('no shadow root');
  return { tandem, view: within(root as unknown as HTMLElement), root };
}

describe('launcher and channel selector', () => {
  it('shows a launcher button with an accessible name, collapsed', async () => {
    const { view } = await mount();
    const launcher = view.getByRole('button', { name: 'Contact us' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(view.queryByRole('dialog')).toBeNull();
  });

  it('opens a labelled dialog listing the configured channels and moves focus into it', async () => {
    const { view, tandem, root } = await mount({
      channels: { chat: {}, clickToCall: { label: 'Phone us' } },
    });
    const opened = vi.fn();
    tandem.on('ChannelSelector.opened', opened);
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const dialog = await view.findByRole('dialog', { name: 'How would you like to reach us?' });
    const buttons = within(dialog)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(buttons).toEqual(['', 'Chat with us', 'Phone us']);
    expect(view.getByRole('button', { name: 'Contact us' }).getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(root.activeElement?.textContent).toBe('Chat with us'));
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape and on the close button, returning focus to the launcher', async () => {
    const { view, tandem, root } = await mount();
    const closed = vi.fn();
    tandem.on('ChannelSelector.closed', closed);
    const launcher = view.getByRole('button', { name: 'Contact us' });
    fireEvent.click(launcher);
    fireEvent.keyDown(await view.findByRole('dialog'), { key: 'Escape' });
    expect(view.queryByRole('dialog')).toBeNull();
    expect(root.activeElement).toBe(launcher);
    fireEvent.click(launcher);
    fireEvent.click(await view.findByRole('button', { name: 'Close' }));
    expect(view.queryByRole('dialog')).toBeNull();
    expect(closed).toHaveBeenCalledTimes(2);
  });

  it('runs the channel’s command and closes when the feature is there', async () => {
    const open = vi.fn();
    const { view } = await mount({ plugins: [fakeChat(open)] });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    fireEvent.click(await view.findByRole('button', { name: 'Chat with us' }));
    await waitFor(() => expect(view.queryByRole('dialog')).toBeNull());
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('says so when a channel is not available, and stays open', async () => {
    const { view } = await mount({ channels: { callback: {} } });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    fireEvent.click(await view.findByRole('button', { name: 'Request a callback' }));
    expect((await view.findByRole('alert')).textContent).toBe('This is not available right now.');
    expect(await view.findByRole('dialog')).toBeTruthy();
  });

  it('leaves out disabled channels', async () => {
    const { view } = await mount({ channels: { chat: { enabled: false }, messaging: {} } });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    expect(await view.findByRole('button', { name: 'Send us a message' })).toBeTruthy();
    expect(view.queryByRole('button', { name: 'Chat with us' })).toBeNull();
  });

  it('is driven by commands, with the launcher hidden', async () => {
    const { view, tandem } = await mount({ launcher: { hidden: true } });
    expect(view.queryByRole('button', { name: 'Contact us' })).toBeNull();
    await tandem.command('ChannelSelector.open');
    expect(await view.findByRole('dialog')).toBeTruthy();
    await tandem.command('ChannelSelector.close');
    expect(view.queryByRole('dialog')).toBeNull();
  });

  it('opens a channel from any host element with data-tandem-open', async () => {
    const open = vi.fn();
    const { view } = await mount({ plugins: [fakeChat(open)] });
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<a href="#help" data-tandem-open="chat"><span>Need help?</span></a><button data-tandem-open="selector">All options</button>',
    );
    fireEvent.click(document.querySelector('span')!);
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    fireEvent.click(document.querySelector('[data-tandem-open="selector"]')!);
    expect(await view.findByRole('dialog')).toBeTruthy();
  });

  it('uses configured labels and the locale, right to left in Arabic', async () => {
    const { view, root } = await mount({ locale: 'ar' });
    expect(view.getByRole('button', { name: 'تواصل معنا' })).toBeTruthy();
    expect(root.querySelector('.tandem')?.getAttribute('dir')).toBe('rtl');
    document.body.innerHTML = '';
    for (const instance of instances.splice(0)) instance.destroy();
    const again = await mount({ launcher: { label: 'Help' } });
    expect(again.view.getByRole('button', { name: 'Help' })).toBeTruthy();
  });

  it('renders config strings as text, never as markup', async () => {
    const { view, root } = await mount({ launcher: { label: '<img src=x onerror=alert(1)>' } });
    expect(view.getByRole('button', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(root.querySelector('img')).toBeNull();
  });

  it('removes its UI and its document listener on destroy', async () => {
    const open = vi.fn();
    const { tandem } = await mount({ plugins: [fakeChat(open)] });
    tandem.destroy();
    document.body.insertAdjacentHTML('afterbegin', '<button data-tandem-open="chat">Chat</button>');
    fireEvent.click(document.querySelector('button')!);
    await Promise.resolve();
    expect(open).not.toHaveBeenCalled();
    expect(document.querySelector('[data-tandem-host]')).toBeNull();
  });
});

/** Stands for each feature's API: the selector only asks whether the backend has it. */
const everyFeature = Object.fromEntries(capabilityNames.map((feature) => [feature, {}]));

describe('live availability in the selector', () => {
  function fakeBackend(initial: ChannelAvailability[]) {
    let push: ((list: ChannelAvailability[]) => void) | undefined;
    const backend = {
      connect: async () => undefined,
      ...everyFeature,
      availability: {
        get: vi.fn(async () => initial),
        subscribe: vi.fn((listener: (list: ChannelAvailability[]) => void) => {
          push = listener;
          return () => {
            push = undefined;
          };
        }),
      },
    } as unknown as BackendAdapter;
    return {
      backend,
      push: (list: ChannelAvailability[]) => push?.(list),
      subscribed: () => push !== undefined,
    };
  }

  it('shows wait times and closed channels, updates on push, and stops following when closed', async () => {
    const opensAt = Date.UTC(2026, 10, 23, 8, 0);
    const fake = fakeBackend([
      { channel: 'chat', subject: 'billing', open: true, ewtSeconds: 120 },
      { channel: 'voice', subject: 'billing', open: false, nextOpenAt: opensAt },
    ]);
    const { view } = await mount({
      backend: fake.backend,
      locale: 'en-GB',
      channels: {
        chat: { ewt: { show: true, min: 60, max: 600 } },
        clickToCall: { whenClosed: 'disable' },
        messaging: {},
      },
    });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const chat = await view.findByRole('button', { name: /Chat with us\s*Wait about 2 min/ });
    expect(chat.className).toContain('tone-alert');
    // One fetch as it opens; pushes after that.
    expect(fake.backend.availability.get).toHaveBeenCalledTimes(1);
    const call = view.getByRole('button', { name: /Call us\s*Closed, opens/ });
    expect(call.getAttribute('aria-disabled')).toBe('true');
    expect(view.getByRole('button', { name: 'Send us a message' })).toBeTruthy();

    fake.push([{ channel: 'chat', subject: 'billing', open: true, ewtSeconds: 900 }]);
    await waitFor(() => expect(view.queryByRole('button', { name: /Chat with us/ })).toBeNull());
    fake.push([{ channel: 'chat', subject: 'billing', open: true, ewtSeconds: 0 }]);
    expect(await view.findByRole('button', { name: /Chat with us\s*Available now/ })).toBeTruthy();

    fireEvent.click(view.getByRole('button', { name: 'Close' }));
    expect(fake.subscribed()).toBe(false);
  });

  it('does nothing with a disabled channel but keeps it focusable', async () => {
    const fake = fakeBackend([{ channel: 'voice', subject: 'billing', open: false }]);
    const open = vi.fn();
    const { view } = await mount({
      backend: fake.backend,
      channels: { clickToCall: { whenClosed: 'disable' } },
      plugins: [
        definePlugin({
          name: 'ClickToCall',
          setup: (context) => void context.register('ClickToCall.open', { run: open }),
        }),
      ],
    });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const call = await view.findByRole('button', { name: /Call us\s*Closed/ });
    fireEvent.click(call);
    expect(open).not.toHaveBeenCalled();
    expect(call.hasAttribute('disabled')).toBe(false);
  });

  it('offers "Leave us a message" in chat\'s place when no agent could answer, opening chat\'s form', async () => {
    const availability = [{ channel: 'chat', subject: 'billing', open: true, staffed: false }];
    const fake = fakeBackend(availability);
    const chat = vi.fn();
    const { view } = await mount({
      backend: fake.backend,
      channels: { chat: { whenClosed: 'message' } },
      plugins: [fakeChat(chat)],
    });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const leave = await view.findByRole('button', {
      name: /Leave us a message\s*No one is available to chat right now/,
    });
    expect(view.queryByRole('button', { name: /Chat with us/ })).toBeNull();
    fireEvent.click(leave);
    // Messaging is not offered on this site: chat's own form takes the message.
    await waitFor(() => expect(chat).toHaveBeenCalledTimes(1));

    // An agent logs in: chat is offered again the next time the selector opens.
    availability[0] = { channel: 'chat', subject: 'billing', open: true, staffed: true };
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    expect(await view.findByRole('button', { name: 'Chat with us' })).toBeTruthy();
  });

  it("opens with the channels' states in place: a chat nobody can answer is never shown, then removed", async () => {
    const fake = fakeBackend([{ channel: 'chat', subject: 'billing', open: true, staffed: false }]);
    const { view, root } = await mount({ backend: fake.backend, channels: { chat: {}, messaging: {} } });
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      for (const button of root.querySelectorAll('.channel')) seen.push(button.textContent ?? '');
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    await view.findByRole('button', { name: 'Send us a message' });
    observer.disconnect();
    expect(seen.filter((text) => text.includes('Chat with us'))).toEqual([]);
  });

  it('leaves the message to the messaging row when the site has one, and hides an unstaffed chat by default', async () => {
    const fake = fakeBackend([{ channel: 'chat', subject: 'billing', open: false, nextOpenAt: 1 }]);
    const { view } = await mount({
      backend: fake.backend,
      channels: { chat: { whenClosed: 'message' }, messaging: {} },
    });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    expect(await view.findByRole('button', { name: 'Send us a message' })).toBeTruthy();
    expect(view.queryByRole('button', { name: /Leave us a message|Chat with us/ })).toBeNull();
    for (const instance of instances.splice(0)) instance.destroy();
    document.body.innerHTML = '';

    const unstaffed = fakeBackend([{ channel: 'chat', subject: 'billing', open: true, staffed: false }]);
    const again = await mount({ backend: unstaffed.backend, channels: { chat: {}, messaging: {} } });
    fireEvent.click(again.view.getByRole('button', { name: 'Contact us' }));
    expect(await again.view.findByRole('button', { name: 'Send us a message' })).toBeTruthy();
    expect(again.view.queryByRole('button', { name: /Chat with us/ })).toBeNull();
  });
});

describe('a selector still on its way', () => {
  it('does not pop open once the visitor has chosen another way in meanwhile', async () => {
    let answer: (list: ChannelAvailability[]) => void = () => undefined;
    const backend = {
      connect: async () => undefined,
      ...everyFeature,
      availability: {
        get: () => new Promise<ChannelAvailability[]>((resolve) => (answer = resolve)),
        subscribe: () => () => undefined,
      },
    } as unknown as BackendAdapter;
    const open = vi.fn();
    const { view, tandem } = await mount({ backend, plugins: [fakeChat(open)] });
    const opened = vi.fn();
    tandem.on('ChannelSelector.opened', opened);
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    document.body.insertAdjacentHTML('afterbegin', '<button data-tandem-open="chat">Chat</button>');
    fireEvent.click(document.querySelector('[data-tandem-open="chat"]')!);
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    answer([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(view.queryByRole('dialog')).toBeNull();
    expect(opened).not.toHaveBeenCalled();
  });
});

describe("the selector's code", () => {
  it('waits for intent: hovering or focusing the launcher fetches it, before any click', async () => {
    const { view, root } = await mount();
    const launcher = view.getByRole('button', { name: 'Contact us' });
    const rules = () =>
      [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((style) => style.sheet)]
        .flatMap((sheet) => [...(sheet?.cssRules ?? [])].map((rule) => rule.cssText))
        .join('');
    expect(rules()).not.toContain('.selector');
    fireEvent.pointerEnter(launcher);
    await waitFor(() => expect(rules()).toContain('.selector'));
    expect(view.queryByRole('dialog')).toBeNull();
    fireEvent.click(launcher);
    expect(await view.findByRole('dialog')).toBeTruthy();
  });
});

describe('links to messaging apps', () => {
  it('lists WhatsApp, Messenger and LINE with the page pre-filled, leaving the query out', async () => {
    document.title = 'Ethiopian roast';
    window.history.replaceState(null, '', '/product.html?session=secret');
    const { view } = await mount({
      channels: { chat: {}, apps: { whatsapp: '+33612345678', messenger: 'tandemcoffee', line: '@tandem' } },
    });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const whatsapp = await view.findByRole('link', { name: /WhatsApp/ });
    const href = new URL(whatsapp.getAttribute('href') ?? '');
    expect(href.origin + href.pathname).toBe('https://wa.me/33612345678');
    expect(href.searchParams.get('text')).toBe(
      `Hello! I have a question about Ethiopian roast (${window.location.origin}/product.html)`,
    );
    expect(whatsapp.getAttribute('href')).not.toContain('secret');
    expect(whatsapp.getAttribute('rel')).toBe('noopener noreferrer');
    expect(view.getByRole('link', { name: /Messenger/ }).getAttribute('href')).toMatch(
      /^https:\/\/m\.me\/tandemcoffee\?ref=/,
    );
    expect(view.getByRole('link', { name: /LINE/ }).getAttribute('href')).toMatch(
      /^https:\/\/line\.me\/R\/oaMessage\/%40tandem\/\?Hello/,
    );
  });

  it('opens with the links already in the list: nothing moves under the pointer as they arrive', async () => {
    const { view } = await mount({ channels: { chat: {}, apps: { whatsapp: '+33612345678' } } });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const dialog = await view.findByRole('dialog');
    expect(
      within(dialog)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([expect.stringContaining('WhatsApp')]);
  });

  it('keeps its links when the page title holds a lone surrogate', async () => {
    document.title = 'Coffee \ud83d';
    const { view } = await mount({ channels: { chat: {}, apps: { whatsapp: '+33612345678' } } });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const whatsapp = await view.findByRole('link', { name: /WhatsApp/ });
    expect(new URL(whatsapp.getAttribute('href') ?? '').searchParams.get('text')).toContain('Coffee \ufffd');
  });

  it('names a bad app setting and leaves its links out', async () => {
    const { view } = await mount({ channels: { chat: {}, apps: { whatsapp: 'call me', line: '@tandem' } } });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    await waitFor(() => expect(vi.mocked(console.error)).toHaveBeenCalledTimes(1));
    expect(String(vi.mocked(console.error).mock.calls[0]?.[0])).toBe(
      'Tandem config: channels.apps.whatsapp: expected a phone number in international digits such as "33612345678", got "call me"',
    );
    vi.mocked(console.error).mockClear();
    expect(view.queryByRole('link')).toBeNull();
  });
});

describe('co-browse from the selector', () => {
  it('asks first whether the visitor is on a call, and offers a chat when not', async () => {
    const openChat = vi.fn();
    const { view, root } = await mount({ channels: { cobrowse: {} }, plugins: [fakeChat(openChat)] });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    fireEvent.click(await view.findByRole('button', { name: 'Share your screen with an agent' }));
    const question = await view.findByRole('group', { name: 'Are you on a call with us right now?' });
    await waitFor(() => expect(root.activeElement?.textContent).toBe('Yes, I am on a call'));
    fireEvent.click(within(question).getByRole('button', { name: 'No, chat with an agent first' }));
    await waitFor(() => expect(openChat).toHaveBeenCalledTimes(1));
    expect(view.queryByRole('dialog', { name: 'How would you like to reach us?' })).toBeNull();
  });

  it('on a call, starts co-browse (said plainly when it is not available)', async () => {
    const { view } = await mount({ channels: { cobrowse: {} } });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    fireEvent.click(await view.findByRole('button', { name: 'Share your screen with an agent' }));
    fireEvent.click(await view.findByRole('button', { name: 'Yes, I am on a call' }));
    expect((await view.findByRole('alert')).textContent).toBe('This is not available right now.');
  });
});

describe('a backend that offers some features only', () => {
  const availability = { get: async () => [], subscribe: () => () => undefined };
  const backendWith = (...features: string[]) =>
    ({
      connect: async () => undefined,
      availability,
      ...Object.fromEntries(features.map((feature) => [feature, {}])),
    }) as unknown as BackendAdapter;

  it('lists only the channels the backend offers, whatever the site lists, and refuses the others by name', async () => {
    const { view, tandem } = await mount({
      backend: backendWith('chat', 'callback'),
      channels: { chat: {}, messaging: {}, clickToCall: {}, callback: {}, cobrowse: {} },
    });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const dialog = await view.findByRole('dialog');
    const names = within(dialog)
      .getAllByRole('button')
      .map((b) => b.textContent)
      .filter(Boolean);
    expect(names).toEqual(['Chat with us', 'Request a callback']);
    await expect(tandem.command('ClickToCall.open')).rejects.toMatchObject({
      code: 'unsupported',
      message: "ClickToCall.open: this site's backend does not offer clickToCall.",
    });
  });

  const closedChat = (...features: string[]) =>
    ({
      ...(backendWith(...features) as object),
      availability: {
        get: async () => [{ channel: 'chat', subject: 'billing', open: false }],
        subscribe: () => () => undefined,
      },
    }) as unknown as BackendAdapter;

  it('hides a closed chat instead of offering a message when the backend has no messaging', async () => {
    const { view } = await mount({
      backend: closedChat('chat', 'callback'),
      channels: { chat: { whenClosed: 'message' }, callback: {} },
    });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const dialog = await view.findByRole('dialog');
    const names = within(dialog)
      .getAllByRole('button')
      .map((b) => b.textContent)
      .filter(Boolean);
    expect(names).toEqual(['Request a callback']);
  });

  it('says so when nothing is left to choose, with focus on Close', async () => {
    const { view, root } = await mount({ backend: closedChat('chat'), channels: { chat: {}, callback: {} } });
    fireEvent.click(view.getByRole('button', { name: 'Contact us' }));
    const dialog = await view.findByRole('dialog');
    expect(
      within(dialog).getByText('No way to reach us is open right now. Please try again later.'),
    ).toBeTruthy();
    await waitFor(() =>
      expect(root.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' })),
    );
  });
});
