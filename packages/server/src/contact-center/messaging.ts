import type { Clock } from '@tandem/sdk-core';
import type { ServerConfig } from './config';
import type { DomainBus } from './domain-events';
import { fail } from './failure';
import type { ChatMessage, Interaction, InteractionDomain } from './interactions';
import { TrackedMap } from './tracked-map';

interface Thread {
  readonly id: string;
  readonly customerId: string;
  readonly subject: string;
  readonly transcript: ChatMessage[];
  interaction?: Interaction;
  lastAgentId?: string;
}

export interface ThreadRecord extends Omit<Thread, 'transcript' | 'interaction'> {
  readonly interactionId?: string;
}

function threadRecord({ transcript: _transcript, interaction, ...plain }: Thread): ThreadRecord {
  return { ...plain, ...(interaction ? { interactionId: interaction.id } : {}) };
}

const maxWindowHours = 72;

/**
 * Asynchronous messaging (seed 003): one persistent thread per customer until a window of inactivity
 * (at most 72 h) passes. A message inside the window goes to the last agent when that agent is Ready,
 * else through the subject's queue; the agent sees the whole thread; a returning customer sees it too.
 */
export function createMessagingDomain(options: {
  clock: Clock;
  config: ServerConfig;
  interactions: InteractionDomain;
  newId(prefix: string): string;
  events: DomainBus;
}) {
  const { clock, config, interactions, events } = options;
  const windowMs = Math.min(maxWindowHours, config.messaging?.threadWindowHours ?? maxWindowHours) * 3600_000;
  const threads = new TrackedMap<string, Thread>();
  /** Which thread a transcript belongs to: its interactions share it, and it is stored once, under the thread. */
  const threadOfTranscript = new WeakMap<ChatMessage[], string>();
  /** Threads whose window closed since storage last asked (their ids: the map keys them by customer). */
  const closed: string[] = [];

  const lastActivity = (thread: Thread) => thread.transcript.at(-1)?.at ?? 0;

  function current(customerId: string): Thread | undefined {
    const thread = threads.get(customerId);
    if (!thread) return undefined;
    const open = thread.interaction && thread.interaction.state !== 'ended';
    if (!open && clock.now() - lastActivity(thread) > windowMs) {
      threads.delete(customerId);
      closed.push(thread.id);
      return undefined;
    }
    return thread;
  }

  const isLive = (thread: Thread) => thread.interaction !== undefined && thread.interaction.state !== 'ended';

  const api = {
    threads,
    send(customerId: string, input: { id: string; text: string; subject?: string }) {
      let thread = current(customerId);
      if (!thread) {
        const subject = interactions.subjectById(input.subject ?? config.messaging?.defaultSubject).id;
        thread = { id: options.newId('thread'), customerId, subject, transcript: [] };
        threadOfTranscript.set(thread.transcript, thread.id);
        threads.set(customerId, thread);
      }
      const maxLength = config.chat?.maxMessageLength ?? 20_000;
      if (input.text.length > maxLength)
        fail('invalid_argument', `text: expected at most ${maxLength} characters`);
      if (thread.transcript.some((m) => m.id === input.id)) return { threadId: thread.id };
      const message: ChatMessage = {
        id: input.id,
        from: 'customer',
        text: input.text,
        at: clock.now(),
        visibility: 'all',
      };
      if (!isLive(thread)) {
        const subject = interactions.subjectById(thread.subject);
        thread.interaction = interactions.open(
          'messaging',
          customerId,
          subject,
          {},
          {
            transcript: thread.transcript,
            ...(thread.lastAgentId ? { preferAgent: thread.lastAgentId } : {}),
          },
        );
      }
      if (thread.interaction) interactions.post(thread.interaction, message);
      return { threadId: thread.id };
    },

    typing(customerId: string, typing: boolean) {
      const thread = current(customerId);
      if (thread?.interaction && isLive(thread)) {
        interactions.toAgents(
          thread.interaction,
          'agent.typing',
          {
            interactionId: thread.interaction.id,
            from: 'customer',
            typing,
          },
          undefined,
          true,
        );
      }
    },

    /** The customer has seen the thread up to this message: the agent handling it sees "Read". */
    read(customerId: string, upTo: string) {
      const thread = current(customerId);
      if (thread?.interaction && isLive(thread)) interactions.customerRead(thread.interaction, upTo);
    },

    history(customerId: string) {
      const thread = current(customerId);
      if (!thread) return { threadId: null, messages: [] };
      return {
        threadId: thread.id,
        messages: thread.transcript
          .filter((m) => m.visibility === 'all')
          .map(({ visibility: _v, agentId: _a, ...visible }) => visible),
      };
    },

    onInteractionEnded(interaction: Interaction, agentIds: readonly string[]) {
      if (interaction.media !== 'messaging') return;
      const thread = threads.get(interaction.customerId);
      if (thread?.interaction === interaction && agentIds[0]) thread.lastAgentId = agentIds[0];
    },

    /** Storage's view: each thread without its transcript (stored as messages) and its live interaction's id. */
    records: () => [...threads.values()].map(threadRecord),
    /** Threads changed since the last call, by thread id (undefined: its window closed). */
    takeChanged(): Array<[string, ThreadRecord | undefined]> {
      const out: Array<[string, ThreadRecord | undefined]> = closed.splice(0).map((id) => [id, undefined]);
      for (const [, thread] of threads.takeChanged()) if (thread) out.push([thread.id, threadRecord(thread)]);
      return out;
    },
    threadIdOf: (transcript: ChatMessage[]) => threadOfTranscript.get(transcript),
    /** A restored interaction shares the transcript of a thread whose window has closed since. */
    rememberTranscript: (transcript: ChatMessage[], threadId: string) =>
      threadOfTranscript.set(transcript, threadId),
    /** Threads a previous run stored, with their transcripts and the interactions they belong to. */
    restore(
      records: Iterable<ThreadRecord>,
      transcriptOf: (threadId: string) => ChatMessage[],
      interactionById: (id: string) => Interaction | undefined,
    ): void {
      for (const { interactionId, ...plain } of records) {
        const interaction = interactionId ? interactionById(interactionId) : undefined;
        const transcript = transcriptOf(plain.id);
        threadOfTranscript.set(transcript, plain.id);
        threads.set(plain.customerId, { ...plain, transcript, ...(interaction ? { interaction } : {}) });
      }
      threads.takeChanged();
    },

    requireThread(customerId: string): Thread {
      return current(customerId) ?? fail('not_found', 'no conversation');
    },
  };
  events.on('interaction.ended', ({ interaction, agentIds }) =>
    api.onInteractionEnded(interaction, agentIds),
  );
  return api;
}

export type MessagingDomain = ReturnType<typeof createMessagingDomain>;
