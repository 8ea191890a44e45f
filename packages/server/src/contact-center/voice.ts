import type { Clock, NumberLease, NumberRequest, Random } from '@tandem/sdk-core';
import type { ServerConfig } from './config';
import type { DomainBus } from './domain-events';
import { fail } from './failure';
import type { Interaction, InteractionDomain } from './interactions';
import type { Notify } from './notify';
import { TrackedMap } from './tracked-map';

interface Lease {
  readonly customerId: string;
  readonly number: string;
  readonly accessCode?: string;
  readonly subject: string;
  readonly request: NumberRequest;
  readonly expiresAt: number;
  timer?: unknown;
}

export type CallState = 'awaitingCode' | 'queued' | 'connected' | 'ended' | 'disconnected' | 'redirected';

export interface Call {
  readonly id: string;
  readonly at: number;
  readonly dialed: string;
  readonly callerId: string;
  state: CallState;
  /** What the caller hears now (the simulator shows it). */
  prompt: string;
  attemptsLeft: number;
  interactionId?: string;
  matched: boolean;
}

const normalise = (number: string) => number.replace(/[^\d+]/g, '');

/**
 * Click-to-call: a number leased for this visit (DNIS pool), optionally with an access code; an inbound
 * call is matched to its lease and queued with the web context for the agent's screen pop.
 */
export function createVoiceDomain(options: {
  clock: Clock;
  random: Random;
  config: ServerConfig;
  interactions: InteractionDomain;
  notify: Notify;
  newId(prefix: string): string;
  events: DomainBus;
}) {
  const { clock, random, config, interactions, notify, events } = options;
  const settings = config.clickToCall;
  const leases = new Map<string, Lease>();
  const calls = new TrackedMap<string, Call>();
  /** Storage writes what changed: a call's fields change in place, so each change touches it. */
  const touch = (call: Call) => calls.touch(call.id);
  const ttlMs = (settings?.leaseTtlSec ?? 600) * 1000;

  const active = () => [...leases.values()];
  const poolOf = (dialed: string) =>
    settings?.pools.find((pool) => pool.numbers.some((n) => normalise(n) === normalise(dialed)));

  function release(lease: Lease): void {
    clock.clearTimeout(lease.timer);
    if (leases.get(lease.customerId) === lease) leases.delete(lease.customerId);
  }

  function armExpiry(lease: Lease): void {
    lease.timer = clock.setTimeout(
      () => {
        release(lease);
        notify(lease.customerId, 'call.leaseExpired', { number: lease.number });
      },
      Math.max(0, lease.expiresAt - clock.now()),
    );
  }

  function newCode(number: string, digits: number): string | undefined {
    const taken = new Set(
      active()
        .filter((l) => l.number === number)
        .map((l) => l.accessCode),
    );
    // Occupancy is capped far below the code space, so a few draws always suffice; never spin.
    for (let attempt = 0; attempt < 100; attempt++) {
      let code = '';
      for (let i = 0; i < digits; i++) code += Math.floor(random() * 10).toString();
      if (!taken.has(code)) return code;
    }
    return undefined;
  }

  // With access codes a number is shared by at most one lease per thousand codes, so a caller guessing a
  // code almost never reaches a stranger's lease; without codes each number serves one visit at a time.
  const leasesPerNumber = settings?.accessCode
    ? Math.max(1, Math.floor(10 ** settings.accessCode.digits / 1000))
    : 1;

  function pickNumber(pool: NonNullable<typeof settings>['pools'][number]): string | undefined {
    const load = new Map<string, number>();
    for (const lease of active())
      load.set(normalise(lease.number), (load.get(normalise(lease.number)) ?? 0) + 1);
    const free = pool.numbers.filter((n) => (load.get(normalise(n)) ?? 0) < leasesPerNumber);
    if (free.length === 0) return undefined;
    return pool.allocation === 'locking' ? free[0] : free[Math.floor(random() * free.length)];
  }

  function matched(call: Call, lease: Lease | undefined, subject: string): void {
    touch(call);
    call.matched = Boolean(lease);
    const request = lease?.request;
    const fields: Record<string, string> = { callerId: call.callerId, dialedNumber: call.dialed };
    if (request) {
      Object.assign(fields, {
        // Custom attributes first: the call's own facts below must not be overwritten by page data.
        ...request.page.attributes,
        phone: request.phone,
        pageUrl: request.page.url,
        pageTitle: request.page.title,
        ...(request.firstName ? { firstName: request.firstName } : {}),
        ...(request.lastName ? { lastName: request.lastName } : {}),
        ...(request.email ? { email: request.email } : {}),
        ...(request.page.referrer ? { referrer: request.page.referrer } : {}),
        ...(request.location
          ? { location: `${request.location.latitude},${request.location.longitude}` }
          : {}),
      });
    }
    if (lease) release(lease);
    const customerId = lease ? lease.customerId : `caller:${call.callerId}`;
    const interaction = interactions.open('voice', customerId, interactions.subjectById(subject), fields);
    call.interactionId = interaction.id;
    call.state = 'queued';
    call.prompt = 'Thank you. Please hold: an agent will be with you shortly.';
    if (lease) notify(lease.customerId, 'call.matched', { number: lease.number });
  }

  const api = {
    calls,
    requestNumber(customerId: string, requested: NumberRequest): NumberLease {
      if (!settings) fail('unavailable', 'click-to-call is not configured');
      // None named: the first subject with numbers of its own, else the contact center's first.
      const subject = interactions.subjectById(requested.subject ?? settings?.pools[0]?.subject).id;
      const request = { ...requested, subject };
      const previous = leases.get(customerId);
      if (previous) release(previous);
      const pool = settings?.pools.find((p) => p.subject === request.subject);
      const number = pool ? pickNumber(pool) : undefined;
      if (!number) return { status: 'exhausted', generalNumber: settings?.generalNumber ?? '' };
      const accessCode = settings?.accessCode ? newCode(number, settings.accessCode.digits) : undefined;
      if (settings?.accessCode && !accessCode)
        return { status: 'exhausted', generalNumber: settings.generalNumber };
      const lease: Lease = {
        customerId,
        number,
        subject: request.subject,
        request,
        expiresAt: clock.now() + ttlMs,
        ...(accessCode ? { accessCode } : {}),
      };
      armExpiry(lease);
      leases.set(customerId, lease);
      return { status: 'leased', number, expiresAt: lease.expiresAt, ...(accessCode ? { accessCode } : {}) };
    },

    releaseNumber(customerId: string): void {
      const lease = leases.get(customerId);
      if (lease) release(lease);
    },

    /** A call arrives on a dialed number from a caller id (the telephony side, or the phone simulator). */
    inboundCall(input: { dialed: string; callerId: string }): Call {
      const call: Call = {
        id: options.newId('pstn'),
        at: clock.now(),
        dialed: input.dialed,
        callerId: input.callerId,
        state: 'queued',
        prompt: '',
        attemptsLeft: settings?.accessCode?.attempts ?? 0,
        matched: false,
      };
      calls.set(call.id, call);
      const pool = poolOf(input.dialed);
      const subject = pool?.subject ?? config.subjects[0]?.id ?? '';
      const waiting = active().filter((l) => normalise(l.number) === normalise(input.dialed));
      if (settings?.accessCode && waiting.length > 0) {
        call.state = 'awaitingCode';
        call.prompt = 'Please enter the access code shown on the website.';
        return call;
      }
      // No access codes: the number itself identifies the visit. Unmatched calls go by DNIS without context.
      matched(call, waiting[0], subject);
      return call;
    },

    keyDigits(callId: string, digits: string): Call {
      const call = calls.get(callId) ?? fail('not_found', `no call ${callId}`);
      if (call.state !== 'awaitingCode') fail('conflict', 'this call is not waiting for a code');
      const lease = active().find(
        (l) => normalise(l.number) === normalise(call.dialed) && l.accessCode === digits,
      );
      if (lease) {
        matched(call, lease, lease.subject);
        return call;
      }
      touch(call);
      call.attemptsLeft -= 1;
      if (call.attemptsLeft > 0) {
        call.prompt = `That code was not recognised. Please try again (${call.attemptsLeft} left).`;
        return call;
      }
      call.state = 'disconnected';
      call.prompt = 'Sorry, that code was not recognised. Goodbye.';
      return call;
    },

    hangUp(callId: string): void {
      const call = calls.get(callId) ?? fail('not_found', `no call ${callId}`);
      if (call.state === 'ended' || call.state === 'disconnected') return;
      touch(call);
      const interaction = call.interactionId ? interactions.interactions.get(call.interactionId) : undefined;
      call.state = 'ended';
      call.prompt = '';
      if (interaction) interactions.end(interaction, 'customer');
    },

    /** Calls changed since the last call (undefined: forgotten by the retention sweep). */
    takeChangedCalls: () => calls.takeChanged(),
    /** Storage's view: the numbers leased now (without their timers), and the calls. */
    leaseRecords: () => [...leases.values()].map(({ timer: _timer, ...lease }) => lease),
    callRecords: () => [...calls.values()],
    /** Leases and calls a previous run stored; a lease runs out at its old time (at once if past). */
    restore(stored: { leases: Iterable<Omit<Lease, 'timer'>>; calls: Iterable<Call> }): void {
      for (const call of stored.calls) calls.set(call.id, { ...call });
      calls.takeChanged();
      for (const record of stored.leases) {
        const lease: Lease = { ...record };
        leases.set(lease.customerId, lease);
        armExpiry(lease);
      }
    },

    /** The interaction of a call ended (agent hung up, or the caller). */
    onInteractionEnded(interaction: Interaction): void {
      for (const call of calls.values()) {
        if (call.interactionId !== interaction.id || call.state === 'redirected') continue;
        touch(call);
        call.state = 'ended';
      }
    },

    /** Connected: the caller hears the agent. */
    onInteractionConnected(interaction: Interaction): void {
      for (const call of calls.values()) {
        if (call.interactionId === interaction.id) {
          touch(call);
          call.state = 'connected';
          call.prompt = '';
        }
      }
    },

    /** Past the last target, a subject's external overflow number takes the call; the context is lost. */
    overflow(interaction: Interaction): boolean {
      const number = interaction.subject.overflowNumber;
      if (!number) return false;
      for (const call of calls.values()) {
        if (call.interactionId !== interaction.id) continue;
        touch(call);
        call.state = 'redirected';
        call.prompt = `Transferring you to ${number}.`;
      }
      interactions.end(interaction, 'overflow');
      return true;
    },
  };
  events.on('interaction.connected', api.onInteractionConnected);
  events.on('interaction.ended', ({ interaction }) => api.onInteractionEnded(interaction));
  return api;
}

export type VoiceDomain = ReturnType<typeof createVoiceDomain>;
