import { channelSelector } from '@tandem/channel-selector';
import {
  type Capability,
  capabilityNames,
  createMemoryTransport,
  createSessionClient,
  createTandem,
  fieldLimits,
  protocolBackend,
} from '@tandem/sdk-core';
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../sdk-core/test/fake-clock';
import { offering } from '../../sdk-core/test/offering';
import { contactCenter, fixture } from '../../server/test/harness';
import { type CallOptions, clickToCallWidget } from '../src/index';

const instances: Array<{ destroy(): void }> = [];
const stubbed: string[] = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.destroy();
  document.body.innerHTML = '';
  for (const name of stubbed.splice(0)) delete (navigator as unknown as Record<string, unknown>)[name];
});

/** Gives the browser's navigator a clipboard or a geolocation for one test. */
function stub(name: 'clipboard' | 'geolocation', value: object) {
  Object.defineProperty(navigator, name, { value, configurable: true });
  stubbed.push(name);
}

const withCodes = {
  ...fixture,
  clickToCall: { ...fixture.clickToCall, accessCode: { digits: 4, attempts: 3 } },
};
const saturday = Date.UTC(2026, 10, 28, 10, 0);

async function setup(
  options: CallOptions = {},
  {
    config = withCodes as unknown,
    start = undefined as number | undefined,
    maxWait = 300,
    features = capabilityNames as readonly Capability[],
  } = {},
) {
  const cc = contactCenter(config, start);
  const ada = await cc.agent('ada');
  const session = createSessionClient({
    transport: createMemoryTransport({ accept: (peer) => cc.server.accept(peer) }),
    role: 'customer',
    clock: cc.clock,
  });
  const tandem = createTandem({
    backend: offering(protocolBackend(session), features),
    plugins: [
      channelSelector(),
      clickToCallWidget({ subjects: { billing: 'Billing', sales: 'Sales' }, country: 'FR', ...options }),
    ],
    channels: { clickToCall: { ewt: { show: true, max: maxWait } } },
    clock: cc.clock,
    random: () => 0.5,
    storage: memoryStore(),
  });
  instances.push(tandem);
  await new Promise<void>((resolve) => tandem.on('Tandem.ready', () => resolve()));
  const root = document.querySelector('[data-tandem-host]')?.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const view = within(root as unknown as HTMLElement);
  const pump = async () => {
    await cc.settle(10);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const events: string[] = [];
  for (const name of [
    'ClickToCall.submitted',
    'ClickToCall.numberAssigned',
    'ClickToCall.connected',
    'ClickToCall.answered',
    'Callback.requested',
    'Callback.cancelled',
  ] as const)
    tandem.on(name, () => events.push(name));
  const open = async (
    command: 'ClickToCall.open' | 'Callback.open' = 'ClickToCall.open',
    payload?: object,
  ) => {
    await cc.settled(tandem.command(command, payload as never));
    await pump();
  };
  const dialog = () => view.getByRole('dialog');
  const status = () => within(dialog()).getAllByRole('status')[0]?.textContent ?? '';
  const type = (label: string | RegExp, value: string) =>
    fireEvent.input(within(dialog()).getByLabelText(label), { target: { value } });
  const press = async (name: string | RegExp) => {
    fireEvent.click(within(dialog()).getByRole('button', { name }));
    await pump();
  };
  return { cc, ada, tandem, root, view, pump, events, open, dialog, status, type, press };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

/** Keeps Ada busy on one call, so that the next caller for billing waits about two minutes. */
async function busyAgent(ctx: Ctx) {
  await ctx.ada.client.setState('Ready');
  ctx.cc.server.voice.inboundCall({ dialed: '+33 1 70 00 01 01', callerId: '+33600000001' });
  await ctx.cc.elapse(500);
  await ctx.cc.settled(ctx.ada.client.accept(ctx.ada.invites.at(-1)?.interactionId ?? ''));
  await ctx.pump();
}

describe('click-to-call window', () => {
  it('opens from the selector on the phone field, with the wait, and names a wrong number inline', async () => {
    const ctx = await setup();
    await ctx.open('ChannelSelector.open' as never);
    await ctx.press('Call us');
    expect(ctx.view.getByRole('dialog', { name: 'Call us' })).toBeTruthy();
    const phone = within(ctx.dialog()).getByLabelText('Your phone number');
    expect(ctx.root.activeElement).toBe(phone);
    expect(within(ctx.dialog()).getByRole('combobox', { name: 'Country' })).toHaveProperty('value', 'FR');
    ctx.type('Your phone number', '06 12 34');
    await ctx.press('Get a number to call');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    const error = within(ctx.dialog()).getByText('Enter a phone number such as +33 6 12 34 56 78.');
    expect(error.id).toBe(phone.getAttribute('aria-describedby'));
    expect(ctx.root.activeElement).toBe(phone);
    expect(ctx.events).toEqual([]);
  });

  it('leases a number with its code: a tel: link, copy, countdown, and a new number when it expires', async () => {
    const ctx = await setup();
    const writeText = vi.fn(async () => undefined);
    stub('clipboard', { writeText });
    await ctx.open();
    ctx.type('Your phone number', '06 12 34 56 78');
    ctx.type(/First name/, 'Grace');
    await ctx.press('Get a number to call');
    const link = within(ctx.dialog()).getByRole('link', { name: '+33 1 70 00 01 01' });
    expect(link.getAttribute('href')).toBe('tel:+33170000101');
    expect(ctx.root.activeElement).toBe(link);
    expect(within(ctx.dialog()).getByText(/^\d{4}$/).textContent).toMatch(/^\d{4}$/);
    expect(within(ctx.dialog()).getByText('This number is yours for 10:00.', { exact: false })).toBeTruthy();
    await ctx.press('Copy number');
    expect(writeText).toHaveBeenCalledWith('+33 1 70 00 01 01');
    expect(within(ctx.dialog()).getByText('Number copied.')).toBeTruthy();
    await ctx.cc.elapse(61_000, 1_000);
    await ctx.pump();
    expect(within(ctx.dialog()).getByText(/This number is yours for 8:59\./)).toBeTruthy();
    expect(ctx.events).toEqual(['ClickToCall.submitted', 'ClickToCall.numberAssigned']);
    // Closing keeps the lease (the visitor may be dialing); the next opening shows where it stands.
    await ctx.tandem.command('ClickToCall.close');
    await ctx.cc.elapse(540_000, 5_000);
    await ctx.open();
    expect(within(ctx.dialog()).getByRole('alert').textContent).toBe('This number has expired.');
    await ctx.press('Get a new number');
    expect(within(ctx.dialog()).getByRole('link', { name: /^\+33 1 70 00 01 0\d$/ })).toBeTruthy();
  });

  it('auto-submits from ClickToCall.open, then says when the call is connected and answered', async () => {
    const ctx = await setup();
    await ctx.open('ClickToCall.open', {
      phone: '+33 6 12 34 56 78',
      firstName: 'Grace',
      subject: 'billing',
      attributes: { cart: '42.50' },
      submit: true,
    });
    await ctx.pump();
    const state = await ctx.cc.settled(ctx.tandem.command('ClickToCall.state'));
    expect(state).toMatchObject({ phase: 'leased' });
    const call = ctx.cc.server.voice.inboundCall({ dialed: state.number ?? '', callerId: '+33612345678' });
    ctx.cc.server.voice.keyDigits(call.id, state.accessCode ?? '');
    await ctx.pump();
    expect(ctx.status()).toMatch(/^Your call is connected\. Waiting for an agent…/);
    await ctx.ada.client.setState('Ready');
    await ctx.cc.elapse(500);
    const invite = ctx.ada.invites.at(-1);
    expect(ctx.cc.server.interactions.get(invite?.interactionId ?? '')?.fields).toMatchObject({
      firstName: 'Grace',
      cart: '42.50',
      phone: '+33612345678',
    });
    await ctx.cc.settled(ctx.ada.client.accept(invite?.interactionId ?? ''));
    await ctx.pump();
    expect(ctx.status()).toBe('Ada has answered your call.');
    expect(ctx.events).toEqual([
      'ClickToCall.submitted',
      'ClickToCall.numberAssigned',
      'ClickToCall.connected',
      'ClickToCall.answered',
    ]);
  });

  it('stops each name at the length the server takes, which leases a number for the longest', async () => {
    const ctx = await setup();
    await ctx.open();
    for (const [label, limit] of [
      [/First name/, fieldLimits.firstName],
      [/Last name/, fieldLimits.lastName],
    ] as const) {
      expect(within(ctx.dialog()).getByLabelText(label).getAttribute('maxlength')).toBe(String(limit));
    }
    ctx.type('Your phone number', '06 12 34 56 78');
    ctx.type(/First name/, 'G'.repeat(fieldLimits.firstName ?? 0));
    ctx.type(/Last name/, 'H'.repeat(fieldLimits.lastName ?? 0));
    await ctx.press('Get a number to call');
    expect(within(ctx.dialog()).getByRole('link', { name: '+33 1 70 00 01 01' })).toBeTruthy();
  });

  it('shows hostile names and prefills as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.hacked=1"><script>window.hacked=1</script>';
    const config = {
      ...withCodes,
      agents: withCodes.agents.map((agent: { id: string }) =>
        agent.id === 'ada' ? { ...agent, name: payload } : agent,
      ),
    };
    const ctx = await setup({}, { config });
    await ctx.open('ClickToCall.open', { phone: '+33612345678', firstName: payload, subject: 'billing' });
    expect(within(ctx.dialog()).getByLabelText(/First name/)).toHaveProperty('value', payload);
    await ctx.press('Get a number to call');
    const state = await ctx.cc.settled(ctx.tandem.command('ClickToCall.state'));
    const call = ctx.cc.server.voice.inboundCall({ dialed: state.number ?? '', callerId: '+33612345678' });
    ctx.cc.server.voice.keyDigits(call.id, state.accessCode ?? '');
    await ctx.ada.client.setState('Ready');
    await ctx.cc.elapse(500);
    const invite = ctx.ada.invites.at(-1);
    expect(ctx.cc.server.interactions.get(invite?.interactionId ?? '')?.fields).toMatchObject({
      firstName: payload,
    });
    await ctx.cc.settled(ctx.ada.client.accept(invite?.interactionId ?? ''));
    await ctx.pump();
    expect(ctx.status()).toBe(`${payload} has answered your call.`);
    expect(ctx.root.querySelector('img, script')).toBeNull();
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

  it('offers the general number when the pool is exhausted', async () => {
    const ctx = await setup(
      {},
      { config: { ...withCodes, clickToCall: { ...withCodes.clickToCall, pools: [] } } },
    );
    await ctx.open('ClickToCall.open', { phone: '+33612345678', submit: true });
    await ctx.pump();
    expect(ctx.status()).toBe('All our direct lines are taken. Please call our general number:');
    expect(within(ctx.dialog()).getByRole('link', { name: '+33 1 70 00 00 00' })).toBeTruthy();
  });

  it('offers a callback instead of a number when the wait is above the threshold; books it and cancels it', async () => {
    const ctx = await setup({}, { maxWait: 60 });
    await busyAgent(ctx);
    await ctx.open();
    expect(ctx.view.getByRole('dialog', { name: 'Request a callback' })).toBeTruthy();
    expect(ctx.status()).toBe('The wait on the phone is long right now.');
    expect(within(ctx.dialog()).queryByRole('button', { name: 'Get a number to call' })).toBeNull();
    ctx.type('Your phone number', '0612345678');
    fireEvent.click(within(ctx.dialog()).getByRole('radio', { name: 'At a time I choose' }));
    await ctx.pump();
    const time = within(ctx.dialog()).getByRole('combobox', { name: 'Time' }) as HTMLSelectElement;
    expect(time.options.length).toBeGreaterThan(4);
    fireEvent.change(time, { target: { value: time.options[2]?.value } });
    await ctx.press('Call me back');
    expect(ctx.status()).toMatch(/^We will call you /);
    const [booked] = [...ctx.cc.server.callbacks.values()];
    expect(booked).toMatchObject({ phone: '+33612345678', state: 'scheduled', at: Number(time.value) });
    await ctx.press('Cancel callback');
    expect(ctx.status()).toBe('Your callback is cancelled.');
    expect(booked?.state).toBe('cancelled');
    expect(ctx.events).toEqual(['Callback.requested', 'Callback.cancelled']);
    // Closed and opened again: the cancelled booking is over, and the form is back.
    await ctx.tandem.command('ClickToCall.close');
    await ctx.open();
    expect(within(ctx.dialog()).getByRole('button', { name: 'Call me back' })).toBeTruthy();
  });

  it('outside the phone hours offers only a callback at a time within them', async () => {
    const ctx = await setup({}, { start: saturday });
    await ctx.open();
    await ctx.pump();
    expect(ctx.status()).toMatch(/^Our phone lines are closed\. They open Monday/);
    expect(within(ctx.dialog()).queryByRole('radio', { name: 'As soon as possible' })).toBeNull();
    ctx.type('Your phone number', '+44 20 7946 0000');
    await ctx.press('Call me back');
    const [booked] = [...ctx.cc.server.callbacks.values()];
    expect(new Date(booked?.at ?? 0).getUTCDay()).toBe(1);
  });

  it('on a backend with callbacks alone, books one with no number to call; ClickToCall.open is refused', async () => {
    const ctx = await setup({}, { features: ['callback'] });
    await ctx.open('Callback.open');
    expect(ctx.view.getByRole('dialog', { name: 'Request a callback' })).toBeTruthy();
    expect(ctx.status()).toBe('');
    expect(within(ctx.dialog()).queryByRole('button', { name: 'Get a number to call' })).toBeNull();
    fireEvent.click(within(ctx.dialog()).getByRole('radio', { name: 'As soon as possible' }));
    ctx.type('Your phone number', '0612345678');
    await ctx.press('Call me back');
    expect(ctx.events).toEqual(['Callback.requested']);
    expect([...ctx.cc.server.callbacks.values()][0]).toMatchObject({ phone: '+33612345678' });
    await expect(ctx.tandem.command('ClickToCall.open')).rejects.toMatchObject({ code: 'unsupported' });
    // The window serves callbacks too: the host can still read it and close it.
    await expect(ctx.tandem.command('ClickToCall.state')).resolves.toMatchObject({ phase: 'idle' });
    await ctx.tandem.command('ClickToCall.close');
    expect(ctx.view.queryByRole('dialog')).toBeNull();
  });

  it('on a backend without callbacks, a long wait offers none and Callback.open is refused', async () => {
    const ctx = await setup({}, { maxWait: 60, features: ['clickToCall'] });
    await busyAgent(ctx);
    await ctx.open();
    expect(ctx.status()).toBe('The wait on the phone is long right now.');
    expect(within(ctx.dialog()).queryByRole('button', { name: 'Call me back' })).toBeNull();
    expect(within(ctx.dialog()).getByRole('button', { name: /other ways/i })).toBeTruthy();
    await expect(ctx.tandem.command('Callback.open')).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('never asks for the location unless the visitor ticks the box', async () => {
    const getCurrentPosition = vi.fn((done: (p: unknown) => void) =>
      done({ coords: { latitude: 48.85, longitude: 2.35 } }),
    );
    stub('geolocation', { getCurrentPosition });
    const ctx = await setup({ location: true });
    await ctx.open();
    ctx.type('Your phone number', '0612345678');
    await ctx.press('Get a number to call');
    expect(getCurrentPosition).not.toHaveBeenCalled();
    await ctx.press('Get a new number');
    expect(getCurrentPosition).not.toHaveBeenCalled();
    await ctx.tandem.command('ClickToCall.close');
    await ctx.cc.elapse(600_000, 5_000);
    await ctx.open();
    await ctx.press('Get a new number');
    expect(getCurrentPosition).not.toHaveBeenCalled();
  });

  it('sends the location with the page context once the visitor agreed', async () => {
    const getCurrentPosition = vi.fn((done: (p: unknown) => void) =>
      done({ coords: { latitude: 48.85, longitude: 2.35 } }),
    );
    stub('geolocation', { getCurrentPosition });
    const ctx = await setup({ location: true });
    await ctx.open();
    ctx.type('Your phone number', '0612345678');
    fireEvent.click(within(ctx.dialog()).getByRole('checkbox', { name: 'Share my location with the agent' }));
    await ctx.press('Get a number to call');
    expect(getCurrentPosition).toHaveBeenCalledTimes(1);
    const state = await ctx.cc.settled(ctx.tandem.command('ClickToCall.state'));
    const call = ctx.cc.server.voice.inboundCall({ dialed: state.number ?? '', callerId: '+33612345678' });
    ctx.cc.server.voice.keyDigits(call.id, state.accessCode ?? '');
    await ctx.ada.client.setState('Ready');
    await ctx.cc.elapse(500);
    const fields = ctx.cc.server.interactions.get(ctx.ada.invites.at(-1)?.interactionId ?? '')?.fields;
    expect(fields).toMatchObject({ location: '48.85,2.35', pageUrl: expect.stringMatching(/^http/) });
  });

  it('names a wrong option under clickToCall and stays out of the way', async () => {
    const error = vi.mocked(console.error);
    const tandem = createTandem({
      plugins: [clickToCallWidget({ country: 'XX', location: 'yes' } as never)],
      backend: { url: '/tandem' },
    });
    instances.push(tandem);
    await expect(tandem.command('ClickToCall.open')).rejects.toMatchObject({ code: 'unknown_command' });
    const message = String(error.mock.calls[0]?.[1]);
    error.mockClear();
    expect(message).toContain('clickToCall.country: expected a country code among AE, AT');
    expect(message).toContain('clickToCall.location: expected true or false');
  });
});
