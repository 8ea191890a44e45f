import type {
  AgentEventName,
  AgentEvents,
  CustomerEvent,
  CustomerEventName,
} from '@tandem/sdk-core/protocol';

/** Every event the server sends, by name, with its data: the protocol's customer and agent contracts. */
export type ServerEvents = { [K in CustomerEventName]: CustomerEvent<K> } & {
  [K in AgentEventName as `agent.${K}`]: AgentEvents[K];
};

/** The data as sent: JSON of it, so a readonly list or record is as good as a mutable one. */
export type Sent<T> = T extends readonly (infer U)[]
  ? readonly Sent<U>[]
  : T extends object
    ? { readonly [P in keyof T]: Sent<T[P]> }
    : T;

/**
 * Sends an event to every connection of a customer or agent (`volatile`: not replayed on resume). Typed by
 * the contract, so that an event outside it, or data that does not match, fails the build.
 */
export type Notify = <K extends keyof ServerEvents>(
  subject: string,
  name: K,
  data: Sent<ServerEvents[K]>,
  volatile?: boolean,
) => void;
