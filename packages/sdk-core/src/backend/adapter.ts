import type { Unsubscribe } from '../bus';

// The domain-level seam: plugins talk to a BackendAdapter, never to frames. The wire protocol (v1) and the
// reference server implement it; a customer's own contact center can implement it directly, offering only
// the features it has (see capabilities.ts and the conformance suite).

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'offline' | 'closed';

export interface ChannelAvailability {
  readonly channel: string;
  readonly subject?: string;
  readonly open: boolean;
  /** Epoch milliseconds of the next opening, when closed. */
  readonly nextOpenAt?: number;
  /** Estimated wait time in seconds, when known. */
  readonly ewtSeconds?: number;
  /** False when no agent who could answer is logged in; absent when the backend does not know. */
  readonly staffed?: boolean;
}

export interface AvailabilityApi {
  get(): Promise<readonly ChannelAvailability[]>;
  /** Pushes fresh availability whenever it changes. */
  subscribe(listener: (availability: readonly ChannelAvailability[]) => void): Unsubscribe;
}

export interface ChatMessage {
  /** Client-generated for the customer's own messages, so that resends are deduplicated. */
  readonly id: string;
  readonly from: 'customer' | 'agent' | 'system';
  readonly text: string;
  readonly at: number;
  readonly authorName?: string;
  /** Answers the agent offers as buttons (at most 5); the customer may still type anything. */
  readonly quickReplies?: readonly string[];
}

export interface ChatStartRequest {
  readonly subject?: string;
  readonly fields?: Readonly<Record<string, string>>;
  readonly mode?: 'live' | 'async';
}

export type ChatEvent =
  /** A conversation began, in this tab or another tab of the same visitor. */
  | { readonly type: 'started'; readonly conversationId: string }
  /** `staffed: false`: no agent who could take it is logged in any more (absent: staffed, or unknown). */
  | {
      readonly type: 'queued';
      readonly position: number;
      readonly ewtSeconds?: number;
      readonly staffed?: boolean;
    }
  | { readonly type: 'agentJoined'; readonly name: string; readonly avatarUrl?: string }
  /** `transferredTo`: the agent left because they handed the chat to this one. */
  | { readonly type: 'agentLeft'; readonly name: string; readonly transferredTo?: string }
  | { readonly type: 'message'; readonly message: ChatMessage }
  | { readonly type: 'typing'; readonly typing: boolean }
  /** Read receipt: the agents have seen the conversation up to this message. */
  | { readonly type: 'read'; readonly upTo: string }
  | { readonly type: 'ended'; readonly reason: string };

/** Where a chat stands, for a page that comes back to it (reload, navigation). */
export interface ChatHistory {
  readonly conversationId: string | null;
  readonly state: 'none' | 'queued' | 'routing' | 'alerting' | 'connected' | 'ended' | string;
  /** The agents in the conversation now. */
  readonly agents: readonly string[];
  readonly messages: readonly ChatMessage[];
  /** The last message the agents have seen, when the backend keeps read receipts. */
  readonly readUpTo?: string;
}

export interface ChatApi {
  start(request: ChatStartRequest): Promise<{ readonly conversationId: string }>;
  send(message: { readonly id: string; readonly text: string }): Promise<void>;
  typing(typing: boolean): void;
  end(): Promise<void>;
  /** The customer's rating (1 to 5) of the chat that has just ended. */
  rate(rating: { readonly score: number; readonly comment?: string }): Promise<void>;
  history(): Promise<ChatHistory>;
  /** Optional: the customer has seen the conversation up to this message (a read receipt for the agent). */
  read?(upTo: string): void;
  onEvent(listener: (event: ChatEvent) => void): Unsubscribe;
}

export interface PageContext {
  readonly url: string;
  readonly title: string;
  readonly referrer?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface NumberRequest {
  /** E.164, e.g. "+33612345678". */
  readonly phone: string;
  /** Absent: the backend's default subject for calls. */
  readonly subject?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly page: PageContext;
  /** Only after the customer explicitly agreed to share it. */
  readonly location?: { readonly latitude: number; readonly longitude: number };
}

/** A number leased for this visit, or, when the pool is exhausted, the general number to call instead. */
export type NumberLease =
  | {
      readonly status: 'leased';
      readonly number: string;
      readonly accessCode?: string;
      readonly expiresAt: number;
    }
  | { readonly status: 'exhausted'; readonly generalNumber: string };

export type CallEvent =
  | { readonly type: 'matched'; readonly number: string }
  | { readonly type: 'queued'; readonly position: number; readonly ewtSeconds?: number }
  | { readonly type: 'answered'; readonly agentName: string }
  | { readonly type: 'ended'; readonly reason: string }
  | { readonly type: 'leaseExpired'; readonly number: string };

export interface ClickToCallApi {
  requestNumber(request: NumberRequest): Promise<NumberLease>;
  releaseNumber(): Promise<void>;
  onEvent(listener: (event: CallEvent) => void): Unsubscribe;
}

/** A callback as the customer sees it. */
export interface CallbackBooking {
  readonly callbackId: string;
  /** Epoch milliseconds of the call: the request's time for "now", else the chosen time. */
  readonly at: number;
  readonly state: 'scheduled' | 'queued' | 'connected' | 'completed' | 'cancelled';
  /** Set once an agent has taken it. */
  readonly agentName?: string;
}

export interface CallbackRequest {
  /** E.164. */
  readonly phone: string;
  /** Absent: the backend's default subject. */
  readonly subject?: string;
  /** Epoch milliseconds within the callback hours; absent for "call me now". */
  readonly at?: number;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly page?: { readonly url: string; readonly title: string };
}

export interface CallbackApi {
  request(request: CallbackRequest): Promise<CallbackBooking>;
  cancel(): Promise<void>;
  /** The booking not yet taken, for a page that comes back; null when there is none. */
  current(): Promise<CallbackBooking | null>;
  /** Start times the customer may choose (every half hour within the hours, the next days). */
  slots(subject?: string): Promise<readonly number[]>;
  onEvent(listener: (booking: CallbackBooking) => void): Unsubscribe;
}

export type MessagingEvent =
  | { readonly type: 'message'; readonly message: ChatMessage }
  | { readonly type: 'agentJoined'; readonly name: string }
  | { readonly type: 'agentLeft'; readonly name: string }
  | { readonly type: 'typing'; readonly typing: boolean }
  | { readonly type: 'read'; readonly upTo: string }
  | { readonly type: 'ended'; readonly reason: string };

export interface MessagingApi {
  send(message: { readonly id: string; readonly text: string; readonly subject?: string }): Promise<void>;
  typing(typing: boolean): void;
  /** The current thread, within its window of inactivity; empty when a new thread would start. */
  history(): Promise<readonly ChatMessage[]>;
  /** Optional: the customer has seen the thread up to this message. */
  read?(upTo: string): void;
  onEvent(listener: (event: MessagingEvent) => void): Unsubscribe;
}

export type CobrowseMode = 'pointer' | 'write';

export type CobrowseEvent =
  | {
      readonly type: 'joined';
      readonly sessionId: string;
      readonly agentName: string;
      readonly mode: CobrowseMode;
    }
  | { readonly type: 'writeRequested'; readonly sessionId: string; readonly agentName: string }
  | { readonly type: 'mode'; readonly sessionId: string; readonly mode: CobrowseMode }
  | { readonly type: 'frame'; readonly kind: string; readonly data?: unknown }
  | { readonly type: 'ended'; readonly sessionId: string; readonly reason: string };

export interface CobrowseFrame {
  readonly kind:
    | 'snapshot'
    | 'mutation'
    | 'pointer'
    | 'scroll'
    | 'viewport'
    | 'input'
    | 'navigation'
    | 'focus'
    | 'refused';
  readonly data?: unknown;
  readonly url?: string;
}

export interface CobrowseRelayApi {
  /** Only the customer creates a session; the 9-digit id is read to the agent, or a chat's agent joins. */
  create(): Promise<{ readonly sessionId: string }>;
  /** Frames go in order; the agent receives them only after joining. */
  send(frame: CobrowseFrame): Promise<void>;
  /**
   * The same tab on another page of the site (or reloaded) goes on with its session: the agent, the mode
   * and the pages visited carry over. Fails when the session is over.
   */
  resume(sessionId: string): Promise<{
    readonly sessionId: string;
    readonly agentName?: string;
    readonly mode: CobrowseMode;
  }>;
  /** The customer's answer to a write-mode request. */
  consent(allow: boolean): Promise<void>;
  /** Back to pointer mode, at once. */
  revoke(): Promise<void>;
  end(): Promise<void>;
  onEvent(listener: (event: CobrowseEvent) => void): Unsubscribe;
}

export interface BackendAdapter {
  connect(): Promise<void>;
  disconnect(): void;
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): Unsubscribe;
  readonly availability: AvailabilityApi;
  // Each feature is optional: a backend leaves out what it does not offer, and the widgets, the selector and
  // the commands (refused as `unsupported`) follow. Present means whole: every method of the API.
  readonly chat?: ChatApi;
  readonly messaging?: MessagingApi;
  readonly clickToCall?: ClickToCallApi;
  readonly callback?: CallbackApi;
  readonly cobrowse?: CobrowseRelayApi;
}

/** The feature APIs of a backend, every one present: what the protocol backend gives. */
export type BackendFeatures = Required<
  Pick<BackendAdapter, 'chat' | 'messaging' | 'clickToCall' | 'callback' | 'cobrowse'>
>;

/** A backend that offers every feature. */
export type FullBackendAdapter = BackendAdapter & BackendFeatures;
