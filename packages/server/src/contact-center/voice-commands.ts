import type { CallbackDomain } from './callback';
import type { Register } from './protocol-register';
import type { VoiceDomain } from './voice';

/** Click-to-call and callbacks (seed 001): numbers leased for a visit, and calls booked for later. */
export function registerVoiceCommands(
  register: Register,
  voice: VoiceDomain,
  callback: CallbackDomain,
): void {
  register('call.requestNumber', {
    engages: true,
    run: ({ session }, input) => voice.requestNumber(session.subject, input),
  });
  register('callback.request', {
    engages: true,
    run: ({ session }, input) => callback.request(session.subject, input),
  });
  register('callback.cancel', {
    run: ({ session }) => callback.cancel(session.subject),
  });
  register('callback.current', {
    run: ({ session }) => callback.current(session.subject),
  });
  register('callback.slots', {
    run: (_context, input) => callback.slots(input.subject),
  });
  register('call.releaseNumber', {
    run: ({ session }) => voice.releaseNumber(session.subject),
  });
}
