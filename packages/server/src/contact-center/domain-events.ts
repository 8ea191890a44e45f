import mitt, { type Emitter } from 'mitt';
import type { Interaction } from './interactions';

/** A customer or an agent, as connections know them. */
export interface Party {
  readonly subject: string;
  readonly role: 'customer' | 'agent';
}

/**
 * What one part of the server tells the others. Connections say who came, went and is gone for good; the
 * interaction domain (chats, calls, messaging exchanges) emits the rest; routing, voice, callbacks,
 * messaging and co-browse each listen for what concerns them, so no function wires them.
 */
export type DomainEvents = {
  /** A connection of theirs opened (a sign-in, or a resume). */
  'party.connected': Party;
  /** Every connection of theirs has been gone for the presence grace. */
  'party.gone': Party;
  /** Their last session can no longer be resumed (expired or ended). */
  'party.ended': Party;
  /** An agent took the interaction: it is connected. */
  'interaction.connected': Interaction;
  /** `agentIds`: the visible agents still in it when it ended. */
  'interaction.ended': { interaction: Interaction; reason: string; agentIds: readonly string[] };
  /** A transfer was accepted: another agent is now its primary. */
  'interaction.transferred': Interaction;
  'interaction.agentLeft': { interaction: Interaction; agentId: string };
  'agent.loggedOut': { agentId: string };
};

export type DomainBus = Emitter<DomainEvents>;

export const createDomainBus = (): DomainBus => mitt<DomainEvents>();
