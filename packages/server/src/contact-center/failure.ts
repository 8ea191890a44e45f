/** Thrown by command handlers: becomes a failed result frame with this code and message. */
export class CommandFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const fail = (code: string, message: string): never => {
  throw new CommandFailure(code, message);
};
