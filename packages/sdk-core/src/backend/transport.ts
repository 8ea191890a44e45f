import type { Unsubscribe } from '../bus';

// The frame-level seam under the adapter: moves JSON text both ways and says nothing about its meaning.

export type TransportState = 'idle' | 'connecting' | 'open' | 'closed';

export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

export interface Transport {
  readonly state: TransportState;
  open(): void;
  /** Returns false when the frame could not be handed to the connection (not open). */
  send(data: string): boolean;
  close(code?: number, reason?: string): void;
  /** Inbound data is untrusted text: the protocol layer parses and validates it. */
  onMessage(listener: (data: string) => void): Unsubscribe;
  onOpen(listener: () => void): Unsubscribe;
  onClose(listener: (info: CloseInfo) => void): Unsubscribe;
}

/** The server's view of one connection, whatever carries it (WebSocket, memory). */
export interface Peer {
  /** The remote network address, where the carrier knows it (sign-in throttling counts by it). */
  readonly address?: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onMessage(listener: (data: string) => void): Unsubscribe;
  onClose(listener: (info: CloseInfo) => void): Unsubscribe;
}

export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  ProtocolError: 1002,
  Abnormal: 1006,
  PolicyViolation: 1008,
  TooBig: 1009,
} as const;
