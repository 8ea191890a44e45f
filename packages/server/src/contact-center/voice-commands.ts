import { commands } from '@tandem/sdk-core/protocol';
import type { CallbackDomain } from './callback';
import type { SessionServer } from './sessions';
import type { VoiceDomain } from './voice';

const customer = ['customer'] as const;

/** Click-to-call and callbacks (seed 001): numbers leased for a visit, and calls booked for later. */
export function registerVoiceCommands(
  register: SessionServer['register'],
  voice: VoiceDomain,
  callback: CallbackDomain,
): void {
  register('call.requestNumber', {
    roles: customer,
    engages: true,
    schema: commands['call.requestNumber'],
    run: ({ session }, input) => voice.requestNumber(session.subject, input),
  });
  register('callback.request', {
    roles: customer,
    engages: true,
    schema: commands['callback.request'],
    run: ({ session }, input) => callback.request(session.subject, input),
  });
  register('callback.cancel', {
    roles: customer,
    schema: commands['callback.cancel'],
    run: ({ session }) => callback.cancel(session.subject),
  });
  register('callback.current', {
    roles: customer,
    schema: commands['callback.current'],
    run: ({ session }) => callback.current(session.subject),
  });
  register('callback.slots', {
    roles: customer,
    schema: commands['callback.slots'],
    run: (_context, input) => callback.slots(input.subject),
  });
  register('call.releaseNumber', {
    roles: customer,
    schema: commands['call.releaseNumber'],
    run: ({ session }) => voice.releaseNumber(session.subject),
  });
}
