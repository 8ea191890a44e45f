import type { Agents } from './agents';
import type { CobrowseSession } from './cobrowse';
import type { FactLog } from './facts';
import type { Interaction } from './interactions';

// Reports of seed 000 (co-browse detail, summary, real-time) over the server's own records.

const day = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const average = (values: number[]) =>
  values.length === 0 ? 0 : Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);

export function createReports(input: {
  agents: Agents;
  facts: FactLog;
  interactions: ReadonlyMap<string, Interaction>;
  cobrowse: ReadonlyMap<string, CobrowseSession>;
  now(): number;
}) {
  const { agents, interactions, cobrowse } = input;
  const joined = () => [...cobrowse.values()].filter((s) => s.agentId);

  return {
    interactions: () => input.facts.all(),

    /** Customer satisfaction: each rated chat with its subject, agents and score. */
    ratings() {
      return [...interactions.values()].flatMap((chat) =>
        chat.rating
          ? [
              {
                interactionId: chat.id,
                queue: chat.subject.id,
                startedAt: chat.startedAt,
                endedAt: chat.endedAt ?? null,
                agents: [...new Set(chat.transcript.flatMap((m) => (m.authorName ? [m.authorName] : [])))],
                score: chat.rating.score,
                comment: chat.rating.comment ?? null,
                ratedAt: chat.rating.at,
              },
            ]
          : [],
      );
    },

    cobrowseDetail() {
      return joined().map((session) => {
        const interaction = session.interactionId ? interactions.get(session.interactionId) : undefined;
        const end = session.endedAt;
        return {
          sessionId: session.id,
          state: end ? 'finished' : 'alive',
          agentId: session.agentId,
          queue: session.subject ?? null,
          media: session.media ?? null,
          interactionId: session.interactionId ?? null,
          start: session.startedAt,
          end: end ?? null,
          durationSec: session.startedAt && end ? Math.round((end - session.startedAt) / 1000) : null,
          interactionStart: interaction?.startedAt ?? null,
          interactionEnd: interaction?.endedAt ?? null,
          modes: session.modes,
          pages: session.pages,
          endReason: session.endReason ?? null,
        };
      });
    },

    /** Per agent, queue, day and media: interactions with and without co-browse, and their timings. */
    cobrowseSummary() {
      const rows = new Map<
        string,
        {
          agentId: string;
          queue: string;
          day: string;
          media: string;
          ids: Set<string>;
          withCobrowse: Set<string>;
          sessions: number;
          writeSessions: number;
          handle: number[];
          before: number[];
        }
      >();
      const row = (agentId: string, interaction: Interaction) => {
        const key = [agentId, interaction.subject.id, day(interaction.startedAt), interaction.media].join(
          '|',
        );
        let entry = rows.get(key);
        if (!entry) {
          entry = {
            agentId,
            queue: interaction.subject.id,
            day: day(interaction.startedAt),
            media: interaction.media,
            ids: new Set(),
            withCobrowse: new Set(),
            sessions: 0,
            writeSessions: 0,
            handle: [],
            before: [],
          };
          rows.set(key, entry);
        }
        return entry;
      };
      for (const fact of input.facts.all()) {
        const interaction = interactions.get(fact.interactionId);
        if (!interaction || fact.resource.type !== 'agent' || fact.result !== 'Completed') continue;
        const entry = row(fact.resource.id, interaction);
        entry.ids.add(interaction.id);
      }
      for (const session of joined()) {
        const interaction = session.interactionId ? interactions.get(session.interactionId) : undefined;
        if (!interaction || !session.agentId) continue;
        const entry = row(session.agentId, interaction);
        entry.ids.add(interaction.id);
        entry.withCobrowse.add(interaction.id);
        entry.sessions += 1;
        if (session.modes.some((m) => m.mode === 'write')) entry.writeSessions += 1;
        if (interaction.endedAt) entry.handle.push((interaction.endedAt - interaction.startedAt) / 1000);
        if (session.startedAt) entry.before.push((session.startedAt - interaction.startedAt) / 1000);
      }
      return [...rows.values()].map((entry) => ({
        agentId: entry.agentId,
        queue: entry.queue,
        day: entry.day,
        media: entry.media,
        interactionsWithCobrowse: entry.withCobrowse.size,
        interactionsWithoutCobrowse: entry.ids.size - entry.withCobrowse.size,
        cobrowseSessions: entry.sessions,
        sessionsWithWriteMode: entry.writeSessions,
        averageHandleTimeSecWithCobrowse: average(entry.handle),
        averageSecBeforeCobrowse: average(entry.before),
      }));
    },

    /** Current co-browse agents and interactions, as the seed's real-time views. */
    realtime() {
      const live = [...interactions.values()].filter((i) => i.state === 'connected');
      const withCobrowse = new Set(
        [...cobrowse.values()]
          .filter((s) => s.agentId && !s.endedAt && s.interactionId)
          .map((s) => s.interactionId),
      );
      const agentsOn = (media: string, cobrowsing: boolean) =>
        new Set(
          live
            .filter((i) => i.media === media && (!cobrowsing || withCobrowse.has(i.id)))
            .flatMap((i) => [...i.participants.keys()]),
        ).size;
      const count = (media: string, cobrowsing: boolean) =>
        live.filter((i) => i.media === media && (!cobrowsing || withCobrowse.has(i.id))).length;
      const chats = count('chat', false);
      const calls = count('voice', false);
      return {
        at: input.now(),
        agents: {
          chat: agentsOn('chat', false),
          chatWithCobrowse: agentsOn('chat', true),
          inboundVoice: agentsOn('voice', false),
          inboundVoiceWithCobrowse: agentsOn('voice', true),
          loggedIn: agents.all().filter((a) => a.status !== 'LoggedOut').length,
        },
        chat: {
          current: chats,
          withCobrowse: count('chat', true),
          ratioPercent: ratio(count('chat', true), chats),
        },
        inboundVoice: {
          current: calls,
          withCobrowse: count('voice', true),
          ratioPercent: ratio(count('voice', true), calls),
        },
        cobrowseSessions: { alive: [...cobrowse.values()].filter((s) => !s.endedAt).length },
      };
    },
  };
}
