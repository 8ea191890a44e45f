export const ErrorCode = {
  UnknownCommand: 'unknown_command',
  InvalidConfig: 'invalid_config',
  InvalidArgument: 'invalid_argument',
  Destroyed: 'destroyed',
  Internal: 'internal',
  LoadFailed: 'load_failed',
  Unavailable: 'unavailable',
  /** The backend does not offer this feature (its API is absent from the adapter). */
  Unsupported: 'unsupported',
  /** The server's answer did not match its schema (a bug, or an attack): refused, not used. */
  BadResponse: 'bad_response',
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Errors are data: a stable code to branch on, a message for people, and where relevant the problems. */
export interface TandemError {
  readonly code: string;
  readonly message: string;
  readonly problems?: readonly Problem[];
}

/** One invalid field: where it is, what was expected and what was given. */
export interface Problem {
  readonly path: string;
  readonly expected: string;
  readonly received: string;
  readonly message: string;
}

export function tandemError(code: string, message: string, problems?: readonly Problem[]): TandemError {
  return Object.freeze(problems ? { code, message, problems } : { code, message });
}

export function isTandemError(value: unknown): value is TandemError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TandemError).code === 'string' &&
    typeof (value as TandemError).message === 'string'
  );
}

export function toTandemError(value: unknown): TandemError {
  if (isTandemError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return tandemError(ErrorCode.Internal, message);
}

/** One line per problem, each prefixed with where it came from ("Tandem config", a command name). */
export function formatProblems(label: string, problems: readonly Problem[]): string {
  return problems.map((problem) => `${label}: ${problem.message}`).join('\n');
}
