import mitt from 'mitt';
import * as z from 'zod/mini';
import { ErrorCode, formatProblems, type TandemError, tandemError, toTandemError } from './errors';

/** Event payloads by name; feature packages add theirs by declaration merging. */
export interface TandemEvents {
  'Tandem.ready': undefined;
}

/** Command payloads and results by name; feature packages add theirs by declaration merging. */
// biome-ignore lint/suspicious/noEmptyInterface: extended by feature packages through declaration merging
export interface TandemCommands {}

export type EventName = keyof TandemEvents & string;
export type CommandName = keyof TandemCommands & string;
export type Unsubscribe = () => void;
export type Handler<T = unknown> = (payload: T) => void;

/** The payload type of a command declared in TandemCommands; unknown for others. */
export type PayloadOf<K> = K extends CommandName
  ? TandemCommands[K] extends { payload: infer P }
    ? P
    : unknown
  : unknown;
/** The result type of a command declared in TandemCommands; unknown for others. */
export type ResultOf<K> = K extends CommandName
  ? TandemCommands[K] extends { result: infer R }
    ? R
    : unknown
  : unknown;
type EventPayload<K> = K extends EventName ? TandemEvents[K] : unknown;

export interface CommandDefinition<P = unknown, R = unknown> {
  /** Validates the payload before run(); problems reject with invalid_argument naming the field. */
  readonly schema?: z.ZodMiniType<P>;
  run(payload: P): R | Promise<R>;
}

export interface Bus {
  emit<K extends string>(name: K, payload: EventPayload<K>): void;
  on<K extends string>(name: K, handler: Handler<EventPayload<K>>): Unsubscribe;
  off<K extends string>(name: K, handler: Handler<EventPayload<K>>): void;
  command<K extends string>(name: K, payload?: PayloadOf<K>): Promise<ResultOf<K>>;
  register<K extends string>(name: K, definition: CommandDefinition<PayloadOf<K>, ResultOf<K>>): Unsubscribe;
  has(name: string): boolean;
  clear(): void;
}

export interface BusOptions {
  /** Called when a command is not registered; resolves true once something registered it (lazy plugins). */
  resolveMissing?(name: string): Promise<boolean>;
  /** Called when a subscriber throws: the emitter and the other subscribers carry on. */
  onHandlerError?(name: string, error: unknown): void;
}

export const commandNamePattern = /^[A-Z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/;

export function createBus(options: BusOptions = {}): Bus {
  const emitter = mitt<Record<string, unknown>>();
  const wrappers = new Map<string, Map<Handler, Handler>>();
  const commands = new Map<string, CommandDefinition>();

  function on(name: string, handler: Handler): Unsubscribe {
    const byHandler = wrappers.get(name) ?? new Map<Handler, Handler>();
    wrappers.set(name, byHandler);
    if (!byHandler.has(handler)) {
      const guarded: Handler = (payload) => {
        try {
          handler(payload);
        } catch (error) {
          options.onHandlerError?.(name, error);
        }
      };
      byHandler.set(handler, guarded);
      emitter.on(name, guarded);
    }
    return () => off(name, handler);
  }

  function off(name: string, handler: Handler): void {
    const guarded = wrappers.get(name)?.get(handler);
    if (!guarded) return;
    wrappers.get(name)?.delete(handler);
    emitter.off(name, guarded);
  }

  async function command(name: string, payload?: unknown): Promise<unknown> {
    let definition = commands.get(name);
    if (!definition && (await options.resolveMissing?.(name))) definition = commands.get(name);
    if (!definition) throw unknownCommand(name, [...commands.keys()]);
    let input = payload;
    if (definition.schema) {
      const result = z.safeParse(definition.schema, payload, { reportInput: true });
      if (!result.success) {
        // The wording loads only when a payload is wrong.
        const { explainIssues } = await import('./config/explain');
        const problems = explainIssues(result.error.issues, payload);
        throw tandemError(ErrorCode.InvalidArgument, formatProblems(name, problems), problems);
      }
      input = result.data;
    }
    try {
      return await definition.run(input);
    } catch (error) {
      throw toTandemError(error);
    }
  }

  function register(name: string, definition: CommandDefinition): Unsubscribe {
    if (!commandNamePattern.test(name))
      throw new TypeError(`Command name "${name}" must look like Plugin.verb`);
    if (commands.has(name)) throw new TypeError(`Command "${name}" is already registered`);
    commands.set(name, definition);
    return () => {
      if (commands.get(name) === definition) commands.delete(name);
    };
  }

  return {
    emit: (name, payload) => emitter.emit(name, payload),
    on: on as Bus['on'],
    off: off as Bus['off'],
    command: command as Bus['command'],
    register: register as Bus['register'],
    has: (name) => commands.has(name),
    clear() {
      emitter.all.clear();
      wrappers.clear();
      commands.clear();
    },
  };
}

function unknownCommand(name: string, known: string[]): TandemError {
  const list = known.length ? ` Known commands: ${known.sort().join(', ')}.` : '';
  return tandemError(ErrorCode.UnknownCommand, `Unknown command "${name}".${list}`);
}
