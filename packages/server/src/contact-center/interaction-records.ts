import type { Agents } from './agents';
import type { SubjectConfig } from './config';
import type { FactLog } from './facts';
import type { ChatMessage, Interaction } from './interactions';

/** An interaction as storage keeps it: references (agents, facts, requests) by id, the transcript apart. */
export interface InteractionRecord
  extends Omit<Interaction, 'subject' | 'request' | 'handOn' | 'participants' | 'invited' | 'transcript'> {
  readonly subjectId: string;
  readonly requestId?: string;
  readonly handOnId?: string;
  readonly participants: ReadonlyArray<{
    agentId: string;
    factId: string;
    visible: boolean;
    joinedAt: number;
  }>;
  readonly invited: ReadonlyArray<{ agentId: string; factId: string }>;
  /** The messaging thread whose transcript this interaction shares (its messages are stored once). */
  readonly threadId?: string;
}

export function interactionRecord(chat: Interaction, facts: FactLog, threadId?: string): InteractionRecord {
  const { subject, request, handOn, participants, invited, transcript: _transcript, ...plain } = chat;
  return {
    ...plain,
    subjectId: subject.id,
    ...(request ? { requestId: request.id } : {}),
    ...(handOn ? { handOnId: handOn.id } : {}),
    participants: [...participants.values()].map((p) => ({
      agentId: p.agent.id,
      factId: facts.idOf(p.fact),
      visible: p.visible,
      joinedAt: p.joinedAt,
    })),
    invited: [...invited].map(([agentId, fact]) => ({ agentId, factId: facts.idOf(fact) })),
    ...(threadId ? { threadId } : {}),
  };
}

/**
 * Rebuilds an interaction from its record; undefined when the config no longer has its subject. Agents
 * the config dropped leave the conversation; requests are linked once the router has its line back.
 */
export function restoreInteraction(
  record: InteractionRecord,
  context: {
    agents: Agents;
    facts: FactLog;
    subjectById(id: string): SubjectConfig | undefined;
    transcript: ChatMessage[];
  },
): Interaction | undefined {
  const subject = context.subjectById(record.subjectId);
  if (!subject) return undefined;
  const {
    subjectId: _subjectId,
    requestId: _requestId,
    handOnId: _handOnId,
    threadId: _threadId,
    participants,
    invited,
    ...plain
  } = record;
  const interaction: Interaction = {
    ...plain,
    read: { ...record.read },
    subject,
    participants: new Map(),
    invited: new Map(),
    transcript: context.transcript,
  };
  for (const p of participants) {
    const agent = context.agents.get(p.agentId);
    const fact = context.facts.byId(p.factId);
    if (agent && fact) {
      interaction.participants.set(agent.id, { agent, fact, visible: p.visible, joinedAt: p.joinedAt });
    }
  }
  for (const { agentId, factId } of invited) {
    const fact = context.facts.byId(factId);
    if (fact) interaction.invited.set(agentId, fact);
  }
  return interaction;
}
