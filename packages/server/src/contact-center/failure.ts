import type { ProtocolErrorCode } from '@tandem/sdk-core/protocol';

/** Thrown by command handlers: becomes a failed result frame with this code and message. */
export class CommandFailure extends Error {
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const fail = (code: ProtocolErrorCode, message: string): never => {
  throw new CommandFailure(code, message);
};
