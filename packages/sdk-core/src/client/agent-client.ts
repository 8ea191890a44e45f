import * as z from 'zod/mini';
import { listeners } from '../backend/listeners';
import type { Transport } from '../backend/transport';
import type { Unsubscribe } from '../bus';
import { type Clock, type Random, systemClock, systemRandom } from '../clock';
import { ErrorCode, tandemError } from '../errors';
import {
  type AgentAnswers,
  type AgentEventName,
  type AgentEvents,
  agentAnswers,
  agentEvents,
} from '../protocol/agent-events';
import type { CommandName, CommandPayload } from '../protocol/commands';
import { type CobrowseFrame, createFrameRouter } from './cobrowse-frames';
import { createSessionClient, type SessionClientOptions, type SessionState } from './session-client';

export type { AgentEvents, AgentMessage } from '../protocol/agent-events';

/** Who the signed-in agent is, as the protocol's `agent.me` answer gives it. */
export type AgentProfile = AgentAnswers['agent.me'];

export interface AgentClientOptions {
  transport: Transport;
  /** Sign-in; or, after a reload, `resume` alone (the session's token stands for the password). */
  username?: string;
  password?: string;
  /** Or a token (JWT) from the integrator's identity provider, when the server is set up for it. */
  token?: string;
  /** The session an earlier page of this tab had (see `onResumeState`). */
  resume?: { token: string; lastSeq: number };
  /** Called whenever the session's token or last sequence changes: keep them for a reload. */
  onResumeState?(state: { token: string; lastSeq: number }): void;
  clock?: Clock;
  random?: Random;
  /** An event this client does not know, or that failed its schema, was dropped: for logs and tests. */
  onInvalidEvent?(name: string): void;
  /** Passed to the session: heartbeat and reconnect timing. */
  session?: Pick<SessionClientOptions, 'backoffBaseMs' | 'backoffCapMs' | 'pingIntervalMs' | 'deadAfterMs'>;
}

type Target = { toAgentId: string } | { toSubject: string };

/** The agent side of protocol v1, for agent desktops: log in, take chats, hand them on, wrap up. */
export function createAgentClient(options: AgentClientOptions) {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? systemRandom;
  const session = createSessionClient({
    transport: options.transport,
    role: 'agent',
    ...(options.token !== undefined
      ? { credentials: { token: options.token } }
      : options.username !== undefined
        ? { credentials: { username: options.username, password: options.password ?? '' } }
        : {}),
    ...(options.resume ? { resume: options.resume } : {}),
    ...(options.onResumeState ? { onResumeState: options.onResumeState } : {}),
    clock,
    random,
    ...options.session,
  });
  const events = new Map<string, ReturnType<typeof listeners<unknown>>>();
  const frames = createFrameRouter();
  session.onEvent(({ name, data }) => {
    if (!name.startsWith('agent.')) return;
    const event = name.slice('agent.'.length);
    // Validated like any data from the network: an unknown event, or one that fails its schema, is dropped.
    const parsed = Object.hasOwn(agentEvents, event)
      ? z.safeParse(agentEvents[event as AgentEventName], data)
      : undefined;
    if (!parsed?.success) {
      options.onInvalidEvent?.(name);
      return;
    }
    const set = events.get(event);
    set?.emit(parsed.data);
    if (event === 'cobrowseFrame') frames.route(parsed.data as CobrowseFrame, (set?.size ?? 0) > 0);
    if (event === 'cobrowseEnded') frames.forget((parsed.data as AgentEvents['cobrowseEnded']).sessionId);
  });
  let counter = 0;
  const messageId = () =>
    `a${clock.now().toString(36)}${(counter++).toString(36)}${Math.floor(random() * 1e6).toString(36)}`;
  // Typed by the protocol's command schemas, as the server validates them.
  const call = <T = void, K extends CommandName = CommandName>(name: K, payload: CommandPayload<K>) =>
    session.command<T>(name, payload);
  /** A command whose answer carries data, checked against its schema like any data from the network. */
  async function ask<K extends keyof AgentAnswers & CommandName>(
    name: K,
    payload: CommandPayload<K>,
  ): Promise<AgentAnswers[K]> {
    const parsed = z.safeParse(agentAnswers[name], await call<unknown>(name, payload));
    if (!parsed.success)
      throw tandemError(ErrorCode.BadResponse, `the server's answer to ${name} could not be read`);
    return parsed.data as AgentAnswers[K];
  }

  return {
    /** Connects, logs in (NotReady) and returns the agent's profile. */
    start(): Promise<AgentProfile> {
      session.start();
      return ask('agent.me', {});
    },
    stop: () => session.stop(),
    /** Asks for every conversation the agent is in again (`connected` events), as after a reload. */
    resync: () => ask('agent.resync', {}),
    get connection(): SessionState {
      return session.state;
    },
    onConnectionChange: (listener: (state: SessionState) => void) => session.onStateChange(listener),
    on<K extends keyof AgentEvents>(name: K, handler: (event: AgentEvents[K]) => void): Unsubscribe {
      const set = events.get(name) ?? listeners<unknown>();
      events.set(name, set);
      return set.add(handler as (value: unknown) => void);
    },
    setState: (state: 'Ready' | 'NotReady', reason?: string) =>
      call('agent.setState', reason ? { state, reason } : { state }),
    /** Logged out (refused while the agent holds conversations); then the client stops. */
    async logOut(): Promise<void> {
      await call('agent.logout', {});
      session.stop();
    },
    accept: (interactionId: string) => call('agent.accept', { interactionId }),
    decline: (interactionId: string) => call('agent.decline', { interactionId }),
    send: (
      interactionId: string,
      text: string,
      visibility: 'all' | 'agents' = 'all',
      quickReplies?: readonly string[],
    ) =>
      call('agent.send', {
        interactionId,
        id: messageId(),
        text,
        visibility,
        ...(quickReplies?.length ? { quickReplies: [...quickReplies] } : {}),
      }),
    typing: (interactionId: string, typing: boolean) => call('agent.typing', { interactionId, typing }),
    /** The agent has seen the conversation up to this message: the customer sees "Read". */
    read: (interactionId: string, upTo: string) => call('agent.read', { interactionId, upTo }),
    transfer: (interactionId: string, target: Target) => call('agent.transfer', { interactionId, ...target }),
    conference: (interactionId: string, target: Target) =>
      call('agent.conference', { interactionId, ...target }),
    consult: (interactionId: string, target: Target) => call('agent.consult', { interactionId, ...target }),
    leave: (interactionId: string) => call('agent.leave', { interactionId }),
    end: (interactionId: string) => call('agent.end', { interactionId }),
    wrapUp: (interactionId: string, code: string) => call('agent.wrapUp', { interactionId, code }),
    searchResponses: (query: string) =>
      ask('agent.responses', {
        query,
      }),
    roster: () => ask('agent.roster', {}),
    /** Joins the customer's co-browse session by the id they read out (spaces allowed). */
    joinCobrowse: (sessionId: string) => call('agent.cobrowseJoin', { sessionId }),
    requestWriteMode: (sessionId: string) => call('agent.cobrowseRequestWrite', { sessionId }),
    sendCobrowse: (
      sessionId: string,
      kind: 'pointer' | 'highlight' | 'annotation' | 'control' | 'resync',
      data?: unknown,
    ) => call('agent.cobrowseFrame', { sessionId, kind, data }),
    endCobrowse: (sessionId: string) => call('agent.cobrowseEnd', { sessionId }),
    /**
     * The frames of one co-browse session for its view, those received before this call first: a view
     * mounted after the join still gets the snapshot.
     */
    cobrowseFrames: (sessionId: string, handler: (frame: CobrowseFrame) => void): Unsubscribe =>
      frames.subscribe(sessionId, handler),
  };
}

export type AgentClient = ReturnType<typeof createAgentClient>;
