import { type CommandName, commands } from '@tandem/sdk-core/protocol';
import type * as z from 'zod/mini';
import type { CommandContext, SessionServer } from './sessions';

/** A protocol command's handler: its payload as the protocol's schema gives it. */
export interface ProtocolHandler<K extends CommandName> {
  /** It starts something that lasts (a chat, a thread, a call, a callback, co-browse): the session is kept. */
  readonly engages?: boolean;
  run(context: CommandContext, payload: z.output<(typeof commands)[K]>): unknown;
}

export type Register = <K extends CommandName>(name: K, handler: ProtocolHandler<K>) => void;

/**
 * Registers protocol v1's commands by name alone: the payload schema is the protocol's, and `agent.*`
 * commands are the agent's, every other the customer's. A name outside the protocol fails the build.
 */
export function protocolRegister(sessions: Pick<SessionServer, 'register'>): Register {
  return (name, handler) =>
    sessions.register(name, {
      roles: name.startsWith('agent.') ? ['agent'] : ['customer'],
      // The schema's payload is the handler's, name by name: one cast where the two meet.
      schema: commands[name] as z.ZodMiniType<unknown>,
      ...(handler as ProtocolHandler<CommandName>),
    });
}
