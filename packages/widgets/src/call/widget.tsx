import {
  bool,
  type CallbackBooking,
  type ChannelAvailability,
  type ConnectionState,
  definePlugin,
  getWindow,
  offers,
  type PluginContext,
  text,
} from '@tandem/sdk-core';
import { render } from 'preact';
import * as z from 'zod/mini';
import { focusIn, focusLost } from '../shared/focus';
import { formStrings } from '../shared/form-strings';
import { windowStyles } from '../shared/window-styles';
import { type CallbackController, createCallbackController } from './callback-controller';
import { type CallState, createCallController } from './controller';
import { type CallOffer, callOffer } from './offer';
import { type CallOptions, parseCallOptions } from './options';
import { askLocation, pageContext } from './page-context';
import { callLocales, callStrings } from './strings';
import { callStyles } from './styles';
import type { CallFormInput, CallMode, Prefill } from './ui/CallForm';
import { CallWindow } from './ui/CallWindow';

/** ClickToCall.open and Callback.open: what to show in the form, and whether to send it at once. */
export interface CallOpenOptions {
  subject?: string;
  phone?: string;
  country?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  fields?: Record<string, string>;
  attributes?: Record<string, string>;
  /** Send the form right away when the prefilled values are complete (ClickToCall.open only). */
  submit?: boolean;
}

declare module '@tandem/sdk-core' {
  interface TandemEvents {
    'ClickToCall.opened': undefined;
    'ClickToCall.closed': undefined;
    'ClickToCall.submitted': { subject?: string };
    'ClickToCall.numberAssigned': { number: string; accessCode?: string; expiresAt: number };
    'ClickToCall.connected': undefined;
    'ClickToCall.answered': { agentName: string };
    'ClickToCall.ended': { reason: string };
    'Callback.requested': { booking: CallbackBooking };
    'Callback.changed': { booking: CallbackBooking };
    'Callback.cancelled': undefined;
  }
  interface TandemCommands {
    'ClickToCall.open': { payload: CallOpenOptions | undefined; result: undefined };
    'ClickToCall.close': { payload: undefined; result: undefined };
    'ClickToCall.setAttributes': { payload: Record<string, string>; result: undefined };
    'ClickToCall.state': { payload: undefined; result: CallState };
    'Callback.open': { payload: CallOpenOptions | undefined; result: undefined };
    'Callback.request': {
      payload: { phone: string; subject?: string; at?: number; firstName?: string; lastName?: string };
      result: CallbackBooking;
    };
    'Callback.cancel': { payload: undefined; result: undefined };
    'Callback.state': { payload: undefined; result: CallbackBooking | null };
  }
}

const attributesSchema = z.record(text(64), text(500));
const openSchema = z.optional(
  z.strictObject({
    subject: z.optional(text(64)),
    phone: z.optional(text(40)),
    country: z.optional(text(2)),
    firstName: z.optional(text(100)),
    lastName: z.optional(text(100)),
    email: z.optional(text(200)),
    fields: z.optional(z.record(text(64), text(1000))),
    attributes: z.optional(attributesSchema),
    submit: z.optional(bool()),
  }),
);
const e164Expected = 'a phone number in E.164 form such as +33612345678';
const requestSchema = z.strictObject({
  phone: z
    .string({ error: e164Expected })
    .check(z.refine((value) => /^\+[1-9]\d{7,14}$/.test(value), { error: e164Expected })),
  subject: z.optional(text(64)),
  at: z.optional(z.number({ error: 'a time in epoch milliseconds' })),
  firstName: z.optional(text(100)),
  lastName: z.optional(text(100)),
});

/**
 * Click-to-call and callbacks (seed 001) in one window: the live wait for the chosen subject, a number
 * leased for this visit with its access code and countdown, the call's progress; a callback instead when
 * calling is closed or the wait too long. Options are validated when this code loads (config.clickToCall).
 */
export function clickToCallWidget(input: CallOptions = {}) {
  return definePlugin({
    name: 'ClickToCall',
    namespaces: ['Callback'],
    async setup(context) {
      // Neither half offered: nothing to load or draw (the kernel refuses the commands as unsupported).
      const { backend } = context;
      if (backend && !offers(backend, 'clickToCall') && !offers(backend, 'callback')) return;
      const options = parseCallOptions(input);
      context.i18n.add(callStrings);
      context.i18n.add(formStrings);
      await context.i18n.load(callLocales).catch(() => undefined); // English is the fallback
      context.ui.addStyles(windowStyles);
      context.ui.addStyles(callStyles);
      return mountCall(context, options);
    },
  });
}

function mountCall(context: PluginContext, given: CallOptions): () => void {
  const { backend, bus, ui, i18n, clock } = context;
  if (!backend) throw new Error('ClickToCall needs a backend (config.backend)');
  // Each half is offered when the backend has it; the kernel refuses the other's commands as unsupported.
  const { clickToCall: calls, callback: bookings } = backend;
  const options = bookings ? given : { ...given, callback: false };
  const slot = ui.mount('call');
  const channel = context.config.channels?.clickToCall ?? {};
  let open = false;
  let mode: CallMode = 'call';
  let subject = Object.keys(options.subjects ?? {})[0] ?? channel.subject ?? '';
  let prefill: Prefill = {};
  let attributes: Record<string, string> = { ...options.attributes };
  let availability: readonly ChannelAvailability[] | undefined;
  let connection: ConnectionState = backend.state;
  let slots: { subject: string; list?: readonly number[] } | undefined;
  let busy = false;
  let formError: string | undefined;
  let fieldErrors: Record<string, string> = {};
  let later: boolean | undefined;
  let copied: string | undefined;
  let country = options.country;
  let ticker: unknown;
  let returnFocusTo: HTMLElement | null = null;
  let stopAvailability: (() => void) | undefined;

  const call =
    calls &&
    createCallController({
      backend: { clickToCall: calls },
      clock,
      page: () => pageContext(attributes),
      notify: {
        submitted: (form) => bus.emit('ClickToCall.submitted', subjectOf(form.subject)),
        numberAssigned: (lease) => bus.emit('ClickToCall.numberAssigned', lease),
        connected: () => bus.emit('ClickToCall.connected', undefined),
        answered: (agentName) => bus.emit('ClickToCall.answered', { agentName }),
        ended: (reason) => bus.emit('ClickToCall.ended', { reason }),
        changed: () => paint(),
      },
    });
  const callbacks =
    bookings &&
    createCallbackController({
      backend: { callback: bookings },
      notify: {
        requested: (booking) => bus.emit('Callback.requested', { booking }),
        changed: (booking) => {
          bus.emit('Callback.changed', { booking });
          paint();
        },
        cancelled: () => bus.emit('Callback.cancelled', undefined),
      },
    });
  callbacks?.load().catch(() => undefined);

  // None known (no availability yet): the backend's own default, never a subject it may not have.
  const defaultSubject = () => subject || availability?.find((a) => a.channel === 'voice')?.subject || '';
  const offer = (): CallOffer =>
    calls
      ? callOffer(availability, defaultSubject(), channel, options.callback !== false)
      : { kind: 'callback', reason: 'only' };

  function effectiveMode(): CallMode {
    return offer().kind === 'callback' ? 'callback' : mode;
  }

  function loadSlots(): void {
    const wanted = defaultSubject();
    if (!callbacks || effectiveMode() !== 'callback' || slots?.subject === wanted) return;
    const entry: { subject: string; list?: readonly number[] } = { subject: wanted };
    slots = entry;
    callbacks.slots(wanted || undefined).then(
      (list) => {
        entry.list = list;
        paint();
      },
      () => undefined,
    );
  }

  function callState(): CallState {
    // The lease runs out by the visitor's clock even before the backend's event arrives.
    if (!call) return { phase: 'idle' };
    return call.isExpired() ? { ...call.state, phase: 'expired' } : call.state;
  }

  function paint(): void {
    if (!slot) return;
    const state = callState();
    clock.clearTimeout(ticker);
    if (open && state.phase === 'leased') ticker = clock.setTimeout(paint, 1000);
    if (open) loadSlots();
    const wasShown = slot.firstChild !== null;
    render(
      open ? (
        <CallWindow
          i18n={i18n}
          options={options}
          mode={effectiveMode()}
          offer={offer()}
          subject={defaultSubject()}
          prefill={prefill}
          busy={busy || state.phase === 'requesting'}
          error={formError}
          slots={slots?.list}
          errors={fieldErrors}
          country={country}
          onCountry={(next) => {
            country = next;
            paint();
          }}
          later={later === true}
          copied={copied}
          onErrors={(errors) => {
            fieldErrors = errors;
            paint();
          }}
          onLater={(next) => {
            later = next;
            paint();
          }}
          call={state}
          booking={callbacks?.booking ?? null}
          connection={connection}
          now={clock.now()}
          onSubject={(next) => {
            subject = next;
            paint();
          }}
          onMode={(next) => {
            mode = next;
            paint();
          }}
          onSubmit={(form) => void submit(form)}
          onClose={() => setOpen(false)}
          onRenew={() => void call?.renew().catch(() => undefined)}
          onCopy={copy}
          onCancelCallback={() =>
            void callbacks?.cancel().catch(() => {
              formError = i18n.t('callback.failed');
              paint();
            })
          }
          onOtherChannels={() => {
            setOpen(false);
            bus.command('ChannelSelector.open').catch(() => undefined);
          }}
        />
      ) : null,
      slot,
    );
    // Focus goes in when the window opens, and back in when the part that held it was replaced.
    if (open && (!wasShown || focusLost())) focusIn(slot);
  }

  async function submit(form: CallFormInput): Promise<void> {
    const { firstName, lastName, email, ...extra } = form.values;
    const names = { ...(firstName ? { firstName } : {}), ...(lastName ? { lastName } : {}) };
    formError = undefined;
    busy = true;
    paint();
    try {
      if (effectiveMode() === 'callback') {
        const page = pageContext({});
        await callbacks?.request({
          phone: form.phone,
          ...subjectOf(form.subject),
          ...names,
          ...(form.at === undefined ? {} : { at: form.at }),
          ...(page.url ? { page: { url: page.url, title: page.title } } : {}),
        });
      } else {
        // Extra fields reach the agent with the page context; location only when the visitor agreed.
        attributes = { ...attributes, ...extra };
        const location = form.shareLocation ? await askLocation() : undefined;
        await call?.request({
          phone: form.phone,
          ...subjectOf(form.subject),
          ...names,
          ...(email ? { email } : {}),
          ...(location ? { location } : {}),
        });
      }
    } catch (error) {
      if (effectiveMode() === 'callback') {
        const code = (error as { code?: string }).code;
        formError = i18n.t(code === 'outside_hours' ? 'callback.outsideHours' : 'callback.failed');
      }
    } finally {
      busy = false;
      paint();
    }
  }

  function copy(number: string): void {
    const clipboard = getWindow()?.navigator.clipboard;
    const done = (key: string) => () => {
      copied = i18n.t(key);
      paint();
    };
    (clipboard ? clipboard.writeText(number) : Promise.reject()).then(
      done('call.copied'),
      done('call.copyFailed'),
    );
  }

  function setOpen(next: boolean, requested?: CallOpenOptions, requestedMode?: CallMode): void {
    if (requested) {
      const { attributes: more, fields, subject: wanted, submit: _submit, ...values } = requested;
      prefill = { ...fields, ...values };
      if (values.country) country = values.country;
      if (wanted) subject = wanted;
      if (more) attributes = { ...attributes, ...more };
    }
    if (requestedMode) mode = requestedMode;
    if (next === open) {
      paint();
      return;
    }
    open = next;
    if (next) {
      returnFocusTo = (ui.root?.activeElement as HTMLElement | null) ?? null;
      stopAvailability = backend?.availability.subscribe((list) => {
        availability = list;
        paint();
      });
      backend?.availability.get().then(
        (list) => {
          availability = list;
          paint();
        },
        () => undefined,
      );
    } else {
      stopAvailability?.();
      formError = copied = later = undefined;
      fieldErrors = {};
      // A finished call or callback is not shown again on the next opening.
      if (call?.state.phase === 'ended' || call?.state.phase === 'failed') call.reset();
      callbacks?.forgetFinished();
    }
    paint();
    if (!next) {
      const launcher = ui.root?.querySelector<HTMLElement>('[data-tandem-launcher]');
      (returnFocusTo?.isConnected ? returnFocusTo : launcher)?.focus();
    }
    bus.emit(next ? 'ClickToCall.opened' : 'ClickToCall.closed', undefined);
  }

  // All registered: the kernel refuses the commands of a half the backend leaves out before they get here.
  context.register('ClickToCall.open', {
    schema: openSchema,
    run: async (payload) => {
      setOpen(true, payload, 'call');
      if (!payload?.submit || !payload.phone || call?.state.phase !== 'idle') return undefined;
      // Only once the wait is known: above the threshold the visitor is offered a callback instead.
      availability = await backend.availability.get().catch(() => availability);
      paint();
      // Through the form, so that its checks and errors are the visitor's too.
      if (effectiveMode() === 'call') slot?.querySelector('form')?.requestSubmit();
      return undefined;
    },
  });
  context.register('ClickToCall.close', { run: () => void setOpen(false) });
  context.register('ClickToCall.setAttributes', {
    schema: attributesSchema,
    run: (payload) => void Object.assign(attributes, payload),
  });
  context.register('ClickToCall.state', { run: () => callState() });
  context.register('Callback.open', {
    schema: openSchema,
    run: (payload) => void setOpen(true, payload, 'callback'),
  });
  context.register('Callback.request', {
    schema: requestSchema,
    run: ({ subject: wanted, ...request }) =>
      (callbacks as CallbackController).request({ ...request, ...subjectOf(wanted ?? defaultSubject()) }),
  });
  context.register('Callback.cancel', { run: () => callbacks?.cancel().then(() => undefined) });
  context.register('Callback.state', { run: () => callbacks?.booking ?? null });

  const stopState = backend.onStateChange((state) => {
    connection = state;
    paint();
  });
  // The selector and the windows share the corner: one at a time.
  const putAway = () => {
    if (open) setOpen(false);
  };
  const offOthers = [
    bus.on('ChannelSelector.opened', putAway),
    bus.on('Chat.opened', putAway),
    bus.on('Messaging.opened', putAway),
  ];

  return () => {
    clock.clearTimeout(ticker);
    stopAvailability?.();
    stopState();
    for (const off of offOthers) off();
    call?.dispose();
    callbacks?.dispose();
    if (slot) render(null, slot);
    ui.unmount('call');
  };
}

/** A subject when one is known; none lets the backend pick its default. */
function subjectOf(wanted: string | undefined): { subject?: string } {
  return wanted ? { subject: wanted } : {};
}
