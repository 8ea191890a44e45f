import type { Clock, ChatMessage as CustomerMessage } from '@tandem/sdk-core';
import type { Agent, Agents, Media } from './agents';
import type { ServerConfig, SubjectConfig } from './config';
import type { DomainBus } from './domain-events';
import type { createHandleTimes } from './ewt';
import { type Fact, type FactLog, Reason, Result, Role } from './facts';
import { fail } from './failure';
import type { Notify, Sent, ServerEvents } from './notify';
import type { Invite, Purpose, Request, RevokeCause, Router } from './router';
import { TrackedMap } from './tracked-map';

type AgentEvent = Extract<keyof ServerEvents, `agent.${string}`>;

/** A chat message as the server keeps it: who sent it and who may see it. */
export interface ChatMessage extends CustomerMessage {
  readonly agentId?: string;
  /** "agents": consultation messages the customer never sees. */
  readonly visibility: 'all' | 'agents';
}

interface Participant {
  readonly agent: Agent;
  readonly fact: Fact;
  readonly visible: boolean;
  readonly joinedAt: number;
}

/** A chat or a call: routed, alerted, connected, handed on and ended the same way. */
/** How the customer reaches us; messaging uses the agent's chat capacity. */
export type Channel = 'chat' | 'voice' | 'messaging';

const capacityMedia = (channel: Channel): Media => (channel === 'voice' ? 'voice' : 'chat');
const customerPrefix: Record<Channel, string> = { chat: 'chat', voice: 'call', messaging: 'messaging' };

export interface Interaction {
  readonly id: string;
  readonly media: Channel;
  readonly customerId: string;
  readonly subject: SubjectConfig;
  readonly fields: Readonly<Record<string, string>>;
  readonly startedAt: number;
  endedAt?: number;
  state: 'queued' | 'routing' | 'alerting' | 'connected' | 'ended';
  request?: Request;
  /** A transfer, conference or consult waiting in a queue for an agent (one at a time). */
  handOn?: Request;
  readonly participants: Map<string, Participant>;
  /** Facts opened for agents being invited (transfer, conference, consult, route), by agent id. */
  readonly invited: Map<string, Fact>;
  readonly transcript: ChatMessage[];
  /** The last message each side has seen: read receipts, only ever moved forward. */
  readonly read: { customer?: string; agents?: string };
  /** The customer's rating once the chat has ended. */
  rating?: { readonly score: number; readonly comment?: string; readonly at: number };
}

const roleOf: Record<Purpose, string> = {
  route: Role.RoutedTo,
  transfer: Role.ReceivedTransfer,
  conference: Role.InConference,
  consult: Role.ReceivedConsult,
};

export interface InteractionDomainOptions {
  clock: Clock;
  config: ServerConfig;
  agents: Agents;
  facts: FactLog;
  handleTimes: ReturnType<typeof createHandleTimes>;
  /** `volatile`: only to connected sessions, never replayed (typing indicators). */
  notify: Notify;
  newId(prefix: string): string;
  router(): Router;
  /** EWT of a waiting request, given how many wait ahead of it in its line. */
  estimate(request: Request, ahead: number): number | undefined;
  /** Whether an agent who could take the request is logged in. */
  staffed(request: Request): boolean;
  /** Where the other domains hear of connections, transfers, departures and ends. */
  events: DomainBus;
}

/**
 * Interactions of every media: queue, routing, alerting, connected, transfer, conference, consult, end,
 * wrap-up, with their facts; and the chat-specific parts (messages, typing, transcript).
 */
export function createInteractionDomain(options: InteractionDomainOptions) {
  const { clock, config, agents, facts, notify } = options;
  const interactions = new TrackedMap<string, Interaction>();
  /** Storage writes what changed: every change to an interaction goes through here or the map. */
  const touch = (chat: Interaction) => interactions.touch(chat.id);
  const lastQueued = new Map<string, string>();
  const maxLength = config.chat?.maxMessageLength ?? 20_000;

  const agentView = (chat: Interaction) => ({
    interactionId: chat.id,
    media: chat.media,
    subject: chat.subject.id,
    subjectName: chat.subject.name,
    customerId: chat.customerId,
    fields: chat.fields,
  });

  const participantsOf = (chat: Interaction) =>
    [...chat.participants.values()].map((p) => ({
      agentId: p.agent.id,
      name: p.agent.name,
      visible: p.visible,
    }));

  function toAgents<K extends AgentEvent>(
    chat: Interaction,
    name: K,
    data: Sent<ServerEvents[K]>,
    except?: string,
    volatile = false,
  ): void {
    for (const participant of chat.participants.values()) {
      if (participant.agent.id !== except) notify(participant.agent.id, name, data, volatile);
    }
  }

  /** Customer-facing event names follow the media: chat.agentJoined, call.agentJoined… */
  function toCustomer(chat: Interaction, event: string, data: unknown, volatile = false): void {
    // The name is made at run time; the tests' contract check holds each one to its schema.
    const name = `${customerPrefix[chat.media]}.${event}` as keyof ServerEvents;
    notify(chat.customerId, name, data as never, volatile);
  }

  function post(chat: Interaction, message: ChatMessage): void {
    touch(chat);
    chat.transcript.push(message);
    toAgents(chat, 'agent.message', { interactionId: chat.id, message });
    if (message.visibility === 'all') toCustomer(chat, 'message', customerView(message));
  }

  function customerView(message: ChatMessage) {
    const { visibility: _visibility, agentId: _agentId, ...visible } = message;
    return visible;
  }

  function findChat(id: string): Interaction {
    return interactions.get(id) ?? fail('not_found', 'this conversation is not on the server (any more)');
  }

  /**
   * Moves one side's read mark forward to a message both sides see (never an agents-only note, whose id the
   * customer must not learn); stale or unknown ids change nothing.
   */
  function advanceRead(chat: Interaction, side: 'customer' | 'agents', upTo: string): boolean {
    const seen = (id: string | undefined) =>
      chat.transcript.findIndex((m) => m.id === id && m.visibility === 'all');
    const index = seen(upTo);
    if (index < 0 || index <= seen(chat.read[side])) return false;
    chat.read[side] = upTo;
    touch(chat);
    return true;
  }

  function activeChatOf(customerId: string): Interaction | undefined {
    return [...interactions.values()].find(
      (chat) => chat.customerId === customerId && chat.media === 'chat' && chat.state !== 'ended',
    );
  }

  function latestChatOf(customerId: string): Interaction | undefined {
    return [...interactions.values()].filter((c) => c.customerId === customerId && c.media === 'chat').at(-1);
  }

  function requireParticipant(chat: Interaction, agentId: string): Participant {
    return chat.participants.get(agentId) ?? fail('forbidden', 'you are not in this chat');
  }

  function systemMessage(chat: Interaction, text: string, visibility: 'all' | 'agents' = 'all'): void {
    post(chat, { id: options.newId('m'), from: 'system', text, at: clock.now(), visibility });
  }

  function leave(chat: Interaction, agentId: string, result: string): void {
    const participant = chat.participants.get(agentId);
    if (!participant) return;
    touch(chat);
    chat.participants.delete(agentId);
    facts.close(participant.fact, clock.now(), result);
    if (result === Result.Completed && participant.fact.role !== Role.ReceivedConsult) {
      const seconds = (clock.now() - participant.joinedAt) / 1000;
      options.handleTimes.record(capacityMedia(chat.media), chat.subject.id, seconds);
    }
    options.router().release(agentId, capacityMedia(chat.media));
  }

  function end(chat: Interaction, reason: string): void {
    if (chat.state === 'ended') return;
    touch(chat);
    const router = options.router();
    const now = clock.now();
    // Invites first, so that their facts close with the right result before the request is withdrawn.
    const withdrawn = router.withdrawInvites(chat.id);
    if (chat.handOn) router.cancel(chat.handOn);
    chat.handOn = undefined;
    if (chat.request) {
      const phase = router.cancel(chat.request);
      if (phase === 'queued') {
        const fact = facts.open({
          ...factBase(chat, 'queue', chat.subject.id),
          role: Role.Received,
          start: chat.request.enqueuedAt,
        });
        // Past the last target, an external overflow number takes it: redirected, not abandoned.
        if (reason === 'overflow') facts.close(fact, now, Result.Redirected, Reason.ExternalOverflow);
        else facts.close(fact, now, Result.CustomerAbandoned, Reason.AbandonedWhileQueued);
      } else if (phase === 'routing') {
        const fact = facts.open({
          ...factBase(chat, 'routingPoint', `strategy:${chat.subject.id}`),
          role: Role.Puller,
          start: now,
        });
        facts.close(fact, now, Result.CustomerAbandoned);
      }
    }
    for (const invite of withdrawn) {
      const fact = chat.invited.get(invite.agentId);
      chat.invited.delete(invite.agentId);
      notify(invite.agentId, 'agent.inviteRevoked', { interactionId: chat.id, reason: 'ended' });
      if (!fact) continue;
      if (invite.purpose === 'route')
        facts.close(fact, now, Result.CustomerAbandoned, Reason.AbandonedWhileRinging);
      else facts.close(fact, now, Result.Abandoned, Reason.Revoked);
    }
    const lastAgents = [...chat.participants.values()].filter((p) => p.visible).map((p) => p.agent.id);
    chat.state = 'ended';
    chat.endedAt = now;
    chat.request = undefined;
    lastQueued.delete(chat.id);
    for (const participant of [...chat.participants.values()]) {
      notify(participant.agent.id, 'agent.ended', { interactionId: chat.id, reason });
      leave(chat, participant.agent.id, Result.Completed);
    }
    toCustomer(chat, 'ended', { reason });
    options.events.emit('interaction.ended', { interaction: chat, reason, agentIds: lastAgents });
  }

  /** What an agent gets on joining a conversation: it, its participants and its whole transcript. */
  function connectedView(chat: Interaction, purpose: string) {
    return {
      ...agentView(chat),
      purpose,
      participants: participantsOf(chat),
      transcript: chat.transcript,
      ...(chat.read.customer ? { customerRead: chat.read.customer } : {}),
    };
  }

  function factBase(chat: Interaction, type: 'agent' | 'queue' | 'routingPoint', id: string) {
    return { interactionId: chat.id, media: chat.media, subject: chat.subject.id, resource: { type, id } };
  }

  const hooks = {
    onInvite(invite: Invite): void {
      const chat = interactions.get(invite.interactionId);
      if (!chat) return;
      if (invite.purpose === 'route') chat.state = 'alerting';
      chat.invited.set(
        invite.agentId,
        facts.open({
          ...factBase(chat, 'agent', invite.agentId),
          role: roleOf[invite.purpose],
          start: invite.at,
        }),
      );
      const from = invite.fromAgentId ? agents.get(invite.fromAgentId)?.name : undefined;
      notify(invite.agentId, 'agent.invite', {
        ...agentView(chat),
        purpose: invite.purpose,
        expiresAt: invite.expiresAt,
        ...(from ? { fromName: from } : {}),
      });
    },

    onAccepted(invite: Invite): void {
      const chat = interactions.get(invite.interactionId);
      const agent = agents.get(invite.agentId);
      const fact = chat?.invited.get(invite.agentId);
      if (!chat || !agent || !fact) return;
      chat.invited.delete(invite.agentId);
      if (invite.request && invite.request === chat.handOn) chat.handOn = undefined;
      const visible = invite.purpose !== 'consult';
      chat.participants.set(agent.id, { agent, fact, visible, joinedAt: clock.now() });
      if (invite.purpose === 'route') {
        chat.state = 'connected';
        chat.request = undefined;
        lastQueued.delete(chat.id);
        options.events.emit('interaction.connected', chat);
      }
      if (invite.purpose === 'transfer' && invite.fromAgentId) {
        notify(invite.fromAgentId, 'agent.left', { interactionId: chat.id, reason: 'transferred' });
        const previous = chat.participants.get(invite.fromAgentId);
        leave(chat, invite.fromAgentId, Result.Transferred);
        options.events.emit('interaction.transferred', chat);
        if (previous && visible) {
          toCustomer(chat, 'agentLeft', { name: previous.agent.name, transferredTo: agent.name });
        } else if (previous) toCustomer(chat, 'agentLeft', { name: previous.agent.name });
      }
      notify(agent.id, 'agent.connected', connectedView(chat, invite.purpose));
      toAgents(
        chat,
        'agent.participants',
        { interactionId: chat.id, participants: participantsOf(chat) },
        agent.id,
      );
      if (visible) toCustomer(chat, 'agentJoined', { name: agent.name });
    },

    onRevoked(invite: Invite, cause: RevokeCause): void {
      const chat = interactions.get(invite.interactionId);
      if (!chat || cause === 'cancelled') return;
      const fact = chat.invited.get(invite.agentId);
      chat.invited.delete(invite.agentId);
      notify(invite.agentId, 'agent.inviteRevoked', { interactionId: chat.id, reason: cause });
      if (!fact) return;
      if (invite.purpose === 'route') {
        facts.close(fact, clock.now(), Result.Redirected, Reason.Revoked);
        chat.state = 'queued';
        // A direct offer (messaging's last agent) that failed joins the subject's queue.
        if (!chat.request) queue(chat);
      } else {
        facts.close(fact, clock.now(), Result.Abandoned, Reason.Revoked);
        // Through a queue the request carries on to the next agent; only a direct hand-on has failed.
        if (invite.fromAgentId && !invite.request) {
          notify(invite.fromAgentId, 'agent.inviteFailed', {
            interactionId: chat.id,
            purpose: invite.purpose,
            cause,
          });
        }
      }
    },

    onRouting(request: Request): void {
      const chat = interactions.get(request.interactionId);
      if (chat && request.purpose === 'route') chat.state = 'routing';
    },

    /** Tells each waiting customer their position and EWT, when either changed. */
    onQueueChanged(): void {
      // One pass over the line per change: with hundreds waiting, a search per chat would be quadratic.
      const ahead = new Map<Request, number>();
      const lines = new Map<string, number>();
      for (const request of options.router().waiting()) {
        const line = `${request.subject.id}|${request.media}`;
        const position = lines.get(line) ?? 0;
        ahead.set(request, position);
        lines.set(line, position + 1);
      }
      for (const chat of interactions.values()) {
        if (chat.state !== 'queued' || !chat.request) continue;
        const before = ahead.get(chat.request);
        if (before === undefined || chat.request.media !== capacityMedia(chat.media)) continue;
        const ewtSeconds = options.estimate(chat.request, before);
        const update = {
          position: before + 1,
          ...(ewtSeconds === undefined ? {} : { ewtSeconds }),
          ...(options.staffed(chat.request) ? {} : { staffed: false }),
        };
        const key = JSON.stringify(update);
        if (lastQueued.get(chat.id) === key) continue;
        lastQueued.set(chat.id, key);
        toCustomer(chat, 'queued', update);
      }
    },
  };

  function queue(interaction: Interaction): void {
    touch(interaction);
    interaction.request = options.router().enqueue({
      interactionId: interaction.id,
      media: capacityMedia(interaction.media),
      subject: interaction.subject,
      purpose: 'route',
      exclude: new Set(),
    });
    // enqueue() announced the line before interaction.request was set: announce this one's place now.
    hooks.onQueueChanged();
  }

  /**
   * Creates an interaction and routes it: offered first to `preferAgent` when given (messaging's last
   * agent), else queued. `beforeQueue` runs first (a chat's welcome message); `transcript` is shared
   * with a messaging thread.
   */
  function open(
    media: Channel,
    customerId: string,
    subject: SubjectConfig,
    fields: Readonly<Record<string, string>>,
    extra: {
      beforeQueue?: (interaction: Interaction) => void;
      transcript?: ChatMessage[];
      preferAgent?: string;
    } = {},
  ): Interaction {
    const interaction: Interaction = {
      id: options.newId(media === 'voice' ? 'call' : media === 'messaging' ? 'msg' : 'chat'),
      media,
      customerId,
      subject,
      fields,
      startedAt: clock.now(),
      state: 'queued',
      participants: new Map(),
      invited: new Map(),
      transcript: extra.transcript ?? [],
      read: {},
    };
    interactions.set(interaction.id, interaction);
    extra.beforeQueue?.(interaction);
    const offered =
      extra.preferAgent &&
      options
        .router()
        .invite(interaction.id, extra.preferAgent, 'route', capacityMedia(media), { requireReady: true });
    if (!offered) queue(interaction);
    return interaction;
  }

  /** A subject by its id; none named is the contact center's first (every request may leave it out). */
  const subjectById = (id?: string) =>
    (id === undefined ? config.subjects[0] : config.subjects.find((s) => s.id === id)) ??
    fail('invalid_argument', `unknown subject "${id ?? ''}"`);

  const isConnected = (interaction: Interaction, media: Channel) =>
    interaction.media === media && interaction.state === 'connected';

  return {
    hooks,
    interactions,
    open,
    post,
    toAgents,
    agentName: (agentId: string) => agents.get(agentId)?.name ?? agentId,
    /** The customer's connected interaction of a media, if any. */
    connectedOf: (customerId: string, media: Channel) =>
      [...interactions.values()].find((i) => i.customerId === customerId && isConnected(i, media)),
    /** The agent's connected interaction of a media, if any. */
    connectedFor: (agentId: string, media: Channel) =>
      [...interactions.values()].find((i) => isConnected(i, media) && i.participants.get(agentId)?.visible),
    /** The first visible agent of an interaction. */
    primaryAgent: (interaction: Interaction) =>
      [...interaction.participants.values()].find((p) => p.visible)?.agent.id,
    end,
    subjectById,

    /** A chat on `subject`, or on the contact center's first subject when the site names none. */
    start(customerId: string, input: { subject?: string; fields?: Record<string, string> }) {
      const existing = activeChatOf(customerId);
      if (existing) return { conversationId: existing.id, resumed: true };
      const subject = subjectById(input.subject);
      const chat = open('chat', customerId, subject, input.fields ?? {}, {
        beforeQueue(created) {
          notify(customerId, 'chat.started', { conversationId: created.id, subject: created.subject.id });
          systemMessage(
            created,
            config.chat?.welcomeMessage ?? 'Welcome! An agent will be with you shortly.',
          );
        },
      });
      return { conversationId: chat.id, resumed: false };
    },

    customerSend(customerId: string, input: { id: string; text: string }) {
      const chat = activeChatOf(customerId) ?? fail('not_found', 'no chat in progress');
      if (input.text.length > maxLength)
        fail('invalid_argument', `text: expected at most ${maxLength} characters`);
      // The client's message id makes a resend after a reload land once.
      if (chat.transcript.some((m) => m.id === input.id)) return;
      post(chat, { id: input.id, from: 'customer', text: input.text, at: clock.now(), visibility: 'all' });
    },

    customerTyping(customerId: string, typing: boolean) {
      const chat = activeChatOf(customerId);
      if (chat)
        toAgents(chat, 'agent.typing', { interactionId: chat.id, from: 'customer', typing }, undefined, true);
    },

    /** The customer has seen the conversation up to this message: its agents see "Read". */
    customerRead(chat: Interaction, upTo: string) {
      if (advanceRead(chat, 'customer', upTo))
        toAgents(chat, 'agent.read', { interactionId: chat.id, upTo, by: 'customer' });
    },

    latestChatOf,

    /** An agent in the conversation has seen it up to this message: the customer sees "Read". */
    agentRead(agentId: string, interactionId: string, upTo: string) {
      const chat = findChat(interactionId);
      if (requireParticipant(chat, agentId).visible && advanceRead(chat, 'agents', upTo))
        toCustomer(chat, 'read', { upTo });
    },

    /** An agent's desktop reloaded: each conversation they are in, sent again as when they joined it. */
    agentResync(agentId: string): number {
      let count = 0;
      for (const chat of interactions.values()) {
        const participant = chat.participants.get(agentId);
        if (chat.state === 'ended' || !participant) continue;
        count++;
        notify(agentId, 'agent.connected', connectedView(chat, participant.visible ? 'route' : 'consult'));
      }
      return count;
    },

    /** The customer has had no connection for the presence grace: a chat no agent has taken is abandoned. */
    customerGone(customerId: string) {
      const chat = activeChatOf(customerId);
      if (chat && chat.state !== 'connected' && chat.participants.size === 0) end(chat, 'customer_left');
    },

    customerEnd(customerId: string) {
      const chat = activeChatOf(customerId);
      if (chat) end(chat, 'customer');
    },

    /** The customer rates their latest chat once it has ended; a second rating replaces the first. */
    customerRate(customerId: string, input: { score: number; comment?: string }) {
      const chat = latestChatOf(customerId) ?? fail('not_found', 'no chat to rate');
      if (chat.state !== 'ended') fail('conflict', 'a chat is rated after it ends');
      touch(chat);
      chat.rating = {
        score: input.score,
        ...(input.comment ? { comment: input.comment } : {}),
        at: clock.now(),
      };
    },

    history(customerId: string) {
      const chat = latestChatOf(customerId);
      if (!chat) return { conversationId: null, state: 'none', agents: [], messages: [] };
      return {
        conversationId: chat.id,
        state: chat.state,
        agents: [...chat.participants.values()].filter((p) => p.visible).map((p) => p.agent.name),
        messages: chat.transcript.filter((m) => m.visibility === 'all').map(customerView),
        ...(chat.read.agents ? { readUpTo: chat.read.agents } : {}),
      };
    },

    accept(agentId: string, interactionId: string) {
      if (findChat(interactionId).state === 'ended') fail('conflict', 'this interaction has ended');
      if (!options.router().accept(agentId, interactionId))
        fail('conflict', 'this invitation is no longer open');
    },

    decline(agentId: string, interactionId: string) {
      if (!options.router().decline(agentId, interactionId))
        fail('conflict', 'this invitation is no longer open');
    },

    agentSend(
      agentId: string,
      input: {
        interactionId: string;
        id: string;
        text: string;
        visibility?: 'all' | 'agents';
        quickReplies?: readonly string[];
      },
    ) {
      const chat = findChat(input.interactionId);
      const participant = requireParticipant(chat, agentId);
      if (chat.state === 'ended') fail('conflict', 'this chat has ended');
      if (chat.transcript.some((m) => m.id === input.id)) return;
      // A consultant speaks only to the agents.
      const visibility = participant.visible ? (input.visibility ?? 'all') : 'agents';
      post(chat, {
        id: input.id,
        from: 'agent',
        text: input.text,
        at: clock.now(),
        authorName: participant.agent.name,
        agentId,
        visibility,
        ...(input.quickReplies?.length ? { quickReplies: input.quickReplies } : {}),
      });
    },

    agentTyping(agentId: string, interactionId: string, typing: boolean) {
      const chat = findChat(interactionId);
      const participant = requireParticipant(chat, agentId);
      toAgents(chat, 'agent.typing', { interactionId, from: participant.agent.name, typing }, agentId, true);
      if (participant.visible) toCustomer(chat, 'typing', { name: participant.agent.name, typing }, true);
    },

    invite(
      agentId: string,
      input: {
        interactionId: string;
        purpose: 'transfer' | 'conference' | 'consult';
        toAgentId?: string;
        toSubject?: string;
      },
    ) {
      const chat = findChat(input.interactionId);
      requireParticipant(chat, agentId);
      if (chat.state !== 'connected') fail('conflict', 'this chat is not connected');
      const router = options.router();
      if (input.toAgentId) {
        if (chat.participants.has(input.toAgentId)) fail('conflict', 'that agent is already in this chat');
        if (
          !router.invite(chat.id, input.toAgentId, input.purpose, capacityMedia(chat.media), {
            fromAgentId: agentId,
          })
        ) {
          fail('unavailable', 'that agent cannot take this chat now');
        }
        return;
      }
      const subject =
        config.subjects.find((s) => s.id === input.toSubject) ??
        fail('invalid_argument', 'name toAgentId or a known toSubject');
      if (chat.handOn) fail('conflict', 'a transfer, conference or consult is already waiting in a queue');
      touch(chat);
      chat.handOn = router.enqueue({
        interactionId: chat.id,
        media: capacityMedia(chat.media),
        subject,
        purpose: input.purpose,
        exclude: new Set(chat.participants.keys()),
        fromAgentId: agentId,
      });
    },

    agentLeave(agentId: string, interactionId: string) {
      const chat = findChat(interactionId);
      const participant = requireParticipant(chat, agentId);
      leave(chat, agentId, Result.Completed);
      options.events.emit('interaction.agentLeft', { interaction: chat, agentId });
      toAgents(chat, 'agent.participants', { interactionId, participants: participantsOf(chat) });
      if (participant.visible) toCustomer(chat, 'agentLeft', { name: participant.agent.name });
      if (![...chat.participants.values()].some((p) => p.visible)) end(chat, 'agent');
    },

    agentEnd(agentId: string, interactionId: string) {
      const chat = findChat(interactionId);
      requireParticipant(chat, agentId);
      end(chat, 'agent');
    },

    wrapUp(agentId: string, input: { interactionId: string; code: string }) {
      const codes = config.wrapUpCodes;
      if (codes && !codes.includes(input.code))
        fail('invalid_argument', `code: expected one of ${codes.join(', ')}`);
      const fact = [...facts.of(input.interactionId)]
        .reverse()
        .find((f) => f.resource.type === 'agent' && f.resource.id === agentId && f.result);
      if (!fact) fail('not_found', 'nothing to wrap up');
      else facts.change(fact, { wrapUpCode: input.code });
    },
  };
}

export type InteractionDomain = ReturnType<typeof createInteractionDomain>;
