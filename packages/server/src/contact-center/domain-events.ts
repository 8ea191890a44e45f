import mitt, { type Emitter } from 'mitt';
import type { Interaction } from './interactions';

/**
 * What one domain tells the others. The interaction domain (chats, calls, messaging exchanges) emits;
 * voice, callbacks, messaging and co-browse each listen for what concerns them, so no function wires them.
 */
export type DomainEvents = {
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
