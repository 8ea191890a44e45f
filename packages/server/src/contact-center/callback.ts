import type { CallbackBooking, CallbackRequest, Clock } from '@tandem/sdk-core';
import type { ServerConfig } from './config';
import type { DomainBus } from './domain-events';
import { fail } from './failure';
import { isOpen, nextOpening } from './hours';
import type { Interaction, InteractionDomain } from './interactions';
import type { Notify } from './notify';
import { TrackedMap } from './tracked-map';

export type CallbackState = CallbackBooking['state'];

export interface Callback {
  readonly id: string;
  readonly customerId: string;
  readonly phone: string;
  readonly subject: string;
  /** When the customer wants the call: now (the time of the request) or a chosen time. */
  readonly at: number;
  readonly fields: Readonly<Record<string, string>>;
  state: CallbackState;
  interactionId?: string;
  timer?: unknown;
}

const withoutTimer = ({ timer: _timer, ...callback }: Callback) => callback;

const slotMs = 30 * 60_000;
const maxAheadMs = 7 * 24 * 3600_000;

/**
 * Callback (seed 001's alternative when the wait is too long): the customer asks to be called now or at a
 * time within the callback hours; at that time the request is queued like a call, with its web context,
 * for the subject's agents. The customer can cancel until an agent takes it.
 */
export function createCallbackDomain(options: {
  clock: Clock;
  config: ServerConfig;
  interactions: InteractionDomain;
  notify: Notify;
  newId(prefix: string): string;
  events: DomainBus;
}) {
  const { clock, config, interactions, notify, events } = options;
  const callbacks = new TrackedMap<string, Callback>();
  /** Storage writes what changed: a callback's state changes in place, so each change touches it. */
  const touch = (callback: Callback) => callbacks.touch(callback.id);

  const scheduleOf = (subject: string) =>
    config.hours?.[`callback:${subject}`] ??
    config.hours?.callback ??
    config.hours?.[`voice:${subject}`] ??
    config.hours?.voice;
  const openAt = (subject: string, at: number) => {
    const schedule = scheduleOf(subject);
    return schedule ? isOpen(schedule, at) : true;
  };
  const activeOf = (customerId: string) =>
    [...callbacks.values()].find(
      (c) => c.customerId === customerId && (c.state === 'scheduled' || c.state === 'queued'),
    );
  const view = (c: Callback) => ({ callbackId: c.id, at: c.at, state: c.state, phone: c.phone });

  function due(callback: Callback): void {
    if (callback.state !== 'scheduled') return;
    const interaction = interactions.open(
      'voice',
      callback.customerId,
      interactions.subjectById(callback.subject),
      callback.fields,
    );
    touch(callback);
    callback.interactionId = interaction.id;
    callback.state = 'queued';
    notify(callback.customerId, 'callback.queued', view(callback));
  }

  const api = {
    callbacks,

    request(customerId: string, requested: CallbackRequest) {
      if (activeOf(customerId)) fail('conflict', 'a callback is already booked: cancel it first');
      const input = { ...requested, subject: interactions.subjectById(requested.subject).id };
      const now = clock.now();
      const at = input.at ?? now;
      if (input.at !== undefined && (at < now || at > now + maxAheadMs)) {
        fail('invalid_argument', 'at: expected a time from now to 7 days ahead');
      }
      if (!openAt(input.subject, at)) {
        const schedule = scheduleOf(input.subject);
        const next = schedule ? nextOpening(schedule, at) : undefined;
        fail(
          'outside_hours',
          `at: expected a time within callback hours${next ? `; the next opening is ${new Date(next).toISOString()}` : ''}`,
        );
      }
      const callback: Callback = {
        id: options.newId('cb'),
        customerId,
        phone: input.phone,
        subject: input.subject,
        at,
        state: 'scheduled',
        fields: {
          phone: input.phone,
          callback: input.at === undefined ? 'now' : new Date(at).toISOString(),
          ...(input.firstName ? { firstName: input.firstName } : {}),
          ...(input.lastName ? { lastName: input.lastName } : {}),
          ...(input.page ? { pageUrl: input.page.url, pageTitle: input.page.title } : {}),
        },
      };
      callbacks.set(callback.id, callback);
      notify(customerId, 'callback.scheduled', view(callback));
      if (at <= now) due(callback);
      else callback.timer = clock.setTimeout(() => due(callback), at - now);
      return view(callback);
    },

    cancel(customerId: string) {
      const callback = activeOf(customerId) ?? fail('not_found', 'no callback to cancel');
      clock.clearTimeout(callback.timer);
      touch(callback);
      callback.state = 'cancelled';
      const interaction = callback.interactionId
        ? interactions.interactions.get(callback.interactionId)
        : undefined;
      if (interaction) interactions.end(interaction, 'customer');
      notify(customerId, 'callback.cancelled', view(callback));
    },

    /** The customer's callback booked and not yet taken, for a page that comes back. */
    current(customerId: string) {
      const callback = activeOf(customerId);
      return callback ? view(callback) : null;
    },

    /** Start times a customer may choose: every half hour within callback hours, for the next days. */
    slots(requested?: string, days = 2): number[] {
      const subject = interactions.subjectById(requested).id;
      const start = Math.ceil((clock.now() + 15 * 60_000) / slotMs) * slotMs;
      const out: number[] = [];
      for (let at = start; at < start + days * 24 * 3600_000 && out.length < 96; at += slotMs) {
        if (openAt(subject, at)) out.push(at);
      }
      return out;
    },

    /** Storage's view of the callbacks, without their timers. */
    records: () => [...callbacks.values()].map(withoutTimer),
    /** Callbacks a previous run stored; one still scheduled comes due at its time (at once if past). */
    restore(records: Iterable<Omit<Callback, 'timer'>>): void {
      for (const record of records) {
        const callback: Callback = { ...record };
        callbacks.set(callback.id, callback);
        if (callback.state === 'scheduled') {
          callback.timer = clock.setTimeout(() => due(callback), Math.max(0, callback.at - clock.now()));
        }
      }
      callbacks.takeChanged();
    },
    /** Callbacks changed since the last call (undefined: forgotten), without their timers. */
    takeChanged: () =>
      callbacks.takeChanged().map(([id, callback]) => [id, callback && withoutTimer(callback)] as const),

    onInteractionConnected(interaction: Interaction, agentName: string): void {
      const callback = [...callbacks.values()].find((c) => c.interactionId === interaction.id);
      if (callback?.state !== 'queued') return;
      touch(callback);
      callback.state = 'connected';
      notify(callback.customerId, 'callback.connected', { ...view(callback), agentName });
    },

    onInteractionEnded(interaction: Interaction): void {
      const callback = [...callbacks.values()].find((c) => c.interactionId === interaction.id);
      if (callback?.state !== 'connected') return;
      touch(callback);
      callback.state = 'completed';
      notify(callback.customerId, 'callback.completed', view(callback));
    },
  };
  events.on('interaction.connected', (interaction) => {
    const agentId = interactions.primaryAgent(interaction);
    api.onInteractionConnected(interaction, agentId ? interactions.agentName(agentId) : '');
  });
  events.on('interaction.ended', ({ interaction }) => api.onInteractionEnded(interaction));
  return api;
}

export type CallbackDomain = ReturnType<typeof createCallbackDomain>;
