import type { AgentClient, AgentEvents, AgentMessage, AgentProfile } from '@tandem/sdk-core/agent';

export interface Conversation {
  readonly id: string;
  readonly media: string;
  readonly subject: string;
  readonly subjectName: string;
  readonly purpose: string;
  readonly customerId: string;
  readonly fields: Record<string, string>;
  readonly transcript: AgentMessage[];
  participants: Array<{ agentId: string; name: string; visible: boolean }>;
  customerTyping: boolean;
  /** The last message the customer has seen (read receipts). */
  customerRead?: string;
  ended?: string;
  wrappedUp?: string;
}

export interface DesktopState {
  connection: string;
  profile?: AgentProfile;
  state: string;
  reason?: string;
  invites: AgentEvents['invite'][];
  conversations: Conversation[];
  selected?: string;
  notice?: string;
  /** The co-browse session this agent is in (one at a time), and why it ended once it has. */
  cobrowse?: {
    sessionId: string;
    interactionId?: string;
    mode: string;
    ended?: string;
    /** A write-mode request waiting for the customer's answer, or the answer was no. */
    request?: 'pending' | 'denied';
  };
}

/** The desktop's whole state, fed by the agent client's events; components subscribe and re-render. */
export function createDesktopStore(client: AgentClient) {
  let state: DesktopState = {
    connection: client.connection,
    state: 'LoggedOut',
    invites: [],
    conversations: [],
  };
  const subscribers = new Set<() => void>();
  const update = (change: (draft: DesktopState) => void) => {
    const next = { ...state, invites: [...state.invites], conversations: [...state.conversations] };
    change(next);
    state = next;
    for (const subscriber of subscribers) subscriber();
  };
  const conversation = (draft: DesktopState, id: string) => draft.conversations.find((c) => c.id === id);

  client.onConnectionChange((connection) =>
    update((d) => {
      d.connection = connection;
    }),
  );
  client.on('state', ({ state: agentState, reason }) =>
    update((d) => {
      d.state = agentState;
      d.reason = reason;
    }),
  );
  client.on('invite', (invite) =>
    update((d) => {
      d.invites.push(invite);
    }),
  );
  client.on('inviteRevoked', ({ interactionId, reason }) =>
    update((d) => {
      d.invites = d.invites.filter((i) => i.interactionId !== interactionId);
      if (reason === 'timeout') d.notice = 'An invitation timed out: you were set Not Ready (RONA).';
    }),
  );
  client.on('inviteFailed', ({ purpose, cause }) =>
    update((d) => {
      d.notice = `The ${purpose} was not accepted (${cause}).`;
    }),
  );
  client.on('connected', (event) =>
    update((d) => {
      d.invites = d.invites.filter((i) => i.interactionId !== event.interactionId);
      d.conversations = d.conversations.filter((c) => c.id !== event.interactionId);
      d.conversations.push({
        id: event.interactionId,
        media: event.media,
        subject: event.subject,
        subjectName: event.subjectName,
        purpose: event.purpose,
        customerId: event.customerId,
        fields: event.fields,
        transcript: [...event.transcript],
        participants: event.participants,
        customerTyping: false,
        ...(event.customerRead ? { customerRead: event.customerRead } : {}),
      });
      d.selected = event.interactionId;
    }),
  );
  client.on('message', ({ interactionId, message }) =>
    update((d) => {
      const found = conversation(d, interactionId);
      if (found && !found.transcript.some((m) => m.id === message.id)) found.transcript.push(message);
    }),
  );
  client.on('typing', ({ interactionId, from, typing }) =>
    update((d) => {
      const found = conversation(d, interactionId);
      if (found && from === 'customer') found.customerTyping = typing;
    }),
  );
  client.on('read', ({ interactionId, upTo }) =>
    update((d) => {
      const found = conversation(d, interactionId);
      if (found) found.customerRead = upTo;
    }),
  );
  client.on('participants', ({ interactionId, participants }) =>
    update((d) => {
      const found = conversation(d, interactionId);
      if (found) found.participants = participants;
    }),
  );
  client.on('left', ({ interactionId }) =>
    update((d) => {
      const found = conversation(d, interactionId);
      if (found) found.ended = 'transferred';
    }),
  );
  client.on('ended', ({ interactionId, reason }) =>
    update((d) => {
      const found = conversation(d, interactionId);
      if (found) found.ended = reason;
    }),
  );
  client.on('cobrowseJoined', ({ sessionId, interactionId, mode }) =>
    update((d) => {
      d.cobrowse = { sessionId, mode, ...(interactionId ? { interactionId } : {}) };
    }),
  );
  client.on('cobrowseMode', ({ sessionId, mode }) =>
    update((d) => {
      if (d.cobrowse?.sessionId === sessionId) d.cobrowse = { ...d.cobrowse, mode, request: undefined };
    }),
  );
  client.on('cobrowseWriteDenied', ({ sessionId }) =>
    update((d) => {
      if (d.cobrowse?.sessionId === sessionId) d.cobrowse = { ...d.cobrowse, request: 'denied' };
    }),
  );
  client.on('cobrowseEnded', ({ sessionId, reason }) =>
    update((d) => {
      if (d.cobrowse?.sessionId === sessionId) d.cobrowse = { ...d.cobrowse, ended: reason };
    }),
  );

  return {
    get: () => state,
    subscribe(subscriber: () => void) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    update,
  };
}

export type DesktopStore = ReturnType<typeof createDesktopStore>;
