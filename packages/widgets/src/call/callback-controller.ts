import type { BackendFeatures, CallbackBooking, CallbackRequest, Unsubscribe } from '@tandem/sdk-core';

export interface CallbackNotifications {
  requested(booking: CallbackBooking): void;
  changed(booking: CallbackBooking): void;
  cancelled(): void;
}

/**
 * Callbacks (seed 001) without UI: book a call now or at a time within the callback hours (the backend
 * checks them), follow it until an agent has called, cancel it while it waits.
 */
export function createCallbackController(options: {
  /** A backend that offers callback (any other feature it has is not used here). */
  backend: Pick<BackendFeatures, 'callback'>;
  notify: CallbackNotifications;
}) {
  const { backend, notify } = options;
  let booking: CallbackBooking | null = null;
  let unsubscribe: Unsubscribe | undefined;

  // The server's event and the command's own answer both report a change: each is told once.
  function set(next: CallbackBooking): void {
    if (booking?.callbackId === next.callbackId && booking.state === next.state) return;
    booking = next;
    if (next.state === 'cancelled') notify.cancelled();
    notify.changed(next);
  }

  function listen(): void {
    unsubscribe ??= backend.callback.onEvent((next) => {
      if (!booking || next.callbackId === booking.callbackId) set(next);
    });
  }

  return {
    get booking() {
      return booking;
    },

    /** The booking this visitor made on an earlier page, if it still waits. */
    async load(): Promise<CallbackBooking | null> {
      listen();
      const current = await backend.callback.current();
      if (current) set(current);
      return booking;
    },

    slots: (subject?: string) => backend.callback.slots(subject),

    async request(request: CallbackRequest): Promise<CallbackBooking> {
      listen();
      const booked = await backend.callback.request(request);
      notify.requested(booked);
      set(booked);
      return booked;
    },

    async cancel(): Promise<void> {
      if (!booking) return;
      const cancelled: CallbackBooking = { ...booking, state: 'cancelled' };
      await backend.callback.cancel();
      set(cancelled);
    },

    /** A booking that is over (cancelled or completed) is forgotten: the next opening offers the form. */
    forgetFinished(): void {
      if (booking?.state === 'cancelled' || booking?.state === 'completed') booking = null;
    },

    dispose(): void {
      unsubscribe?.();
    },
  };
}

export type CallbackController = ReturnType<typeof createCallbackController>;
