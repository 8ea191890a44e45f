import type { Clock, Random } from '@tandem/sdk-core';
import { registerAgentCommands } from './agent-commands';
import { createCallbackDomain } from './callback';
import { registerChatCommands } from './chat-commands';
import { createCobrowseDomain } from './cobrowse';
import { registerCobrowseCommands } from './cobrowse-commands';
import type { ServerConfig } from './config';
import type { Connections } from './connections';
import type { DomainBus } from './domain-events';
import { createMessagingDomain } from './messaging';
import { registerMessagingCommands } from './messaging-commands';
import { protocolRegister } from './protocol-register';
import type { Routing } from './routing';
import { createVoiceDomain } from './voice';
import { registerVoiceCommands } from './voice-commands';

/**
 * The features on top of routing (voice, messaging, callbacks, co-browse), each listening on the domain
 * events for what concerns it, and every command of protocol v1 registered by its domain.
 */
export function createFeatures(parts: {
  config: ServerConfig;
  clock: Clock;
  random: Random;
  newId(prefix: string): string;
  events: DomainBus;
  connections: Connections;
  routing: Routing;
}) {
  const { config, clock, random, newId, events, connections, routing } = parts;
  const { notify, sessions, agents } = connections;
  const { domain: interactions } = routing;
  // In this order: voice hears of a call first.
  const voice = createVoiceDomain({ clock, random, config, interactions, notify, newId, events });
  const messaging = createMessagingDomain({ clock, config, interactions, newId, events });
  const callback = createCallbackDomain({ clock, config, interactions, notify, newId, events });
  const cobrowse = createCobrowseDomain({ clock, random, config, interactions, notify, events });

  const register = protocolRegister(sessions);
  registerChatCommands(register, interactions, routing.feed);
  registerMessagingCommands(register, messaging);
  registerCobrowseCommands(register, cobrowse);
  registerVoiceCommands(register, voice, callback);
  registerAgentCommands({
    register,
    clock,
    config,
    agents,
    domain: interactions,
    sessions,
    events,
    setStatus: routing.setStatus,
  });

  return { voice, messaging, callback, cobrowse };
}

export type Features = ReturnType<typeof createFeatures>;
