import type {
  BackendFeatures,
  CallEvent,
  Clock,
  NumberRequest,
  PageContext,
  Unsubscribe,
} from '@tandem/sdk-core';

export interface CallForm {
  /** E.164. */
  readonly phone: string;
  /** Absent: the backend's default subject. */
  readonly subject?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  /** Only after the visitor explicitly agreed to share it. */
  readonly location?: { readonly latitude: number; readonly longitude: number };
}

export interface CallState {
  readonly phase:
    | 'idle'
    | 'requesting'
    /** A number is leased for this visit: the visitor dials it. */
    | 'leased'
    /** The call arrived and matched the lease: waiting for an agent. */
    | 'connected'
    | 'answered'
    | 'ended'
    /** No number free: the general number instead (calls to it arrive without web context). */
    | 'exhausted'
    | 'expired'
    | 'failed';
  readonly number?: string;
  readonly accessCode?: string;
  readonly expiresAt?: number;
  readonly generalNumber?: string;
  readonly queue?: { readonly position: number; readonly ewtSeconds?: number };
  readonly agentName?: string;
  readonly error?: string;
}

export interface CallNotifications {
  submitted(form: CallForm): void;
  numberAssigned(lease: { number: string; accessCode?: string; expiresAt: number }): void;
  connected(): void;
  answered(agentName: string): void;
  ended(reason: string): void;
  changed(state: CallState): void;
}

/**
 * Click-to-call (seed 001) without UI: lease a number for this visit with the page's context, then follow
 * the call from the backend's events; a lease that runs out can be renewed with the same form.
 */
export function createCallController(options: {
  /** A backend that offers clickToCall (any other feature it has is not used here). */
  backend: Pick<BackendFeatures, 'clickToCall'>;
  clock: Clock;
  page(): PageContext;
  notify: CallNotifications;
}) {
  const { backend, notify } = options;
  let state: CallState = { phase: 'idle' };
  let lastForm: CallForm | undefined;
  let unsubscribe: Unsubscribe | undefined;

  function set(next: CallState): void {
    state = next;
    notify.changed(state);
  }

  function listen(): void {
    unsubscribe ??= backend.clickToCall.onEvent((event: CallEvent) => {
      switch (event.type) {
        case 'matched':
          if (event.number !== state.number) return;
          set({ ...state, phase: 'connected' });
          notify.connected();
          break;
        case 'queued':
          if (state.phase === 'connected') set({ ...state, queue: event });
          break;
        case 'answered':
          if (state.phase !== 'connected') return;
          set({ ...state, phase: 'answered', agentName: event.agentName, queue: undefined });
          notify.answered(event.agentName);
          break;
        case 'ended':
          if (state.phase !== 'connected' && state.phase !== 'answered') return;
          set({ ...state, phase: 'ended', queue: undefined });
          notify.ended(event.reason);
          break;
        case 'leaseExpired':
          if (state.phase === 'leased' && event.number === state.number) set({ ...state, phase: 'expired' });
          break;
      }
    });
  }

  async function request(form: CallForm): Promise<CallState> {
    listen();
    lastForm = form;
    set({ phase: 'requesting' });
    notify.submitted(form);
    const payload: NumberRequest = { ...form, page: options.page() };
    try {
      const lease = await backend.clickToCall.requestNumber(payload);
      if (lease.status === 'exhausted') {
        set({ phase: 'exhausted', generalNumber: lease.generalNumber });
        return state;
      }
      const assigned = {
        number: lease.number,
        expiresAt: lease.expiresAt,
        ...(lease.accessCode ? { accessCode: lease.accessCode } : {}),
      };
      set({ phase: 'leased', ...assigned });
      notify.numberAssigned(assigned);
      return state;
    } catch (error) {
      set({ phase: 'failed', error: (error as { message?: string }).message ?? 'request failed' });
      throw error;
    }
  }

  return {
    get state() {
      return state;
    },
    request,

    /** A new number with the same details, after the lease ran out or the visitor asked for one. */
    async renew(): Promise<CallState> {
      if (!lastForm) return state;
      await backend.clickToCall.releaseNumber().catch(() => undefined);
      return request(lastForm);
    },

    /** Gives the number back (the visitor closed the widget without calling). */
    async release(): Promise<void> {
      if (state.phase !== 'leased') return;
      set({ phase: 'idle' });
      await backend.clickToCall.releaseNumber();
    },

    /** Back to the form, keeping nothing of the last call. */
    reset(): void {
      set({ phase: 'idle' });
    },

    /** True when the lease has run out by the clock, before the backend's event arrives. */
    isExpired: () => state.phase === 'leased' && (state.expiresAt ?? Infinity) <= options.clock.now(),

    dispose(): void {
      unsubscribe?.();
    },
  };
}

export type CallController = ReturnType<typeof createCallController>;
