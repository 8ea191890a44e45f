import type { Unsubscribe } from '../bus';

// The domain-level seam: plugins talk to a BackendAdapter, never to frames. The wire protocol (v1) and the
// reference server implement it; a customer's own contact center can implement it directly.

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'offline' | 'closed';

export interface ChannelAvailability {
  readonly channel: string;
  readonly subject?: string;
  readonly open: boolean;
  /** Epoch milliseconds of the next opening, when closed. */
  readonly nextOpenAt?: number;
  /** Estimated wait time in seconds, when known. */
  readonly ewtSeconds?: number;
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
}

export interface ChatStartRequest {
  readonly subject?: string;
  readonly fields?: Readonly<Record<string, string>>;
  readonly mode?: 'live' | 'async';
}

export type ChatEvent =
  | { readonly type: 'queued'; readonly position: number; readonly ewtSeconds?: number }
  | { readonly type: 'agentJoined'; readonly name: string; readonly avatarUrl?: string }
  | { readonly type: 'agentLeft'; readonly name: string }
  | { readonly type: 'message'; readonly message: ChatMessage }
  | { readonly type: 'typing'; readonly typing: boolean }
  | { readonly type: 'ended'; readonly reason: string };

export interface ChatApi {
  start(request: ChatStartRequest): Promise<{ readonly conversationId: string }>;
  send(message: { readonly id: string; readonly text: string }): Promise<void>;
  typing(typing: boolean): void;
  end(): Promise<void>;
  history(): Promise<readonly ChatMessage[]>;
  onEvent(listener: (event: ChatEvent) => void): Unsubscribe;
}

export interface PageContext {
  readonly url: string;
  readonly title: string;
  readonly referrer?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface NumberRequest {
  readonly phone: string;
  readonly subject: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly page: PageContext;
}

export interface DnisLease {
  readonly number: string;
  readonly accessCode?: string;
  readonly expiresAt: number;
}

export type CallEvent =
  | { readonly type: 'matched' }
  | { readonly type: 'answered'; readonly agentName: string }
  | { readonly type: 'ended'; readonly reason: string }
  | { readonly type: 'leaseExpired' };

export interface ClickToCallApi {
  requestNumber(request: NumberRequest): Promise<DnisLease>;
  requestCallback(
    request: NumberRequest & { readonly at?: number },
  ): Promise<{ readonly callbackId: string }>;
  cancelCallback(callbackId: string): Promise<void>;
  onEvent(listener: (event: CallEvent) => void): Unsubscribe;
}

export interface CobrowseRelayApi {
  /** Only the customer creates a session; the id is read to the agent or joined through a chat. */
  create(options: { readonly interactionId?: string }): Promise<{ readonly sessionId: string }>;
  send(frame: unknown): void;
  onFrame(listener: (frame: unknown) => void): Unsubscribe;
  end(reason: string): Promise<void>;
}

export interface BackendAdapter {
  connect(): Promise<void>;
  disconnect(): void;
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): Unsubscribe;
  readonly availability: AvailabilityApi;
  readonly chat: ChatApi;
  readonly clickToCall: ClickToCallApi;
  readonly cobrowse: CobrowseRelayApi;
}
