import { type Agents, capacityOf, hasFreeSlot, type Media } from './agents';
import type { ServerConfig, SubjectConfig } from './config';

/**
 * Estimated wait time, in seconds, for the next interaction of a subject and media:
 *
 *   slots = Σ capacity of agents not NotReady/LoggedOut whose skill reaches the widest target's level
 *   free  = Σ free slots of those agents who are Ready
 *   ewt   = max(0, ahead + 1 − free) × AHT ÷ slots
 *
 * where ahead is the number of requests waiting before it and AHT the rolling average handle time.
 * Undefined when no agent could serve (slots = 0).
 */
export function estimateWait(input: {
  agents: Agents;
  subject: SubjectConfig;
  media: Media;
  ahead: number;
  averageHandleSec: number;
}): number | undefined {
  const widest = Math.min(...input.subject.targets.map((t) => t.minLevel));
  let slots = 0;
  let free = 0;
  for (const agent of input.agents.all()) {
    if (agent.status !== 'Ready') continue;
    if ((agent.config.skills[input.subject.skill] ?? 0) < widest) continue;
    const capacity = capacityOf(agent, input.media);
    slots += capacity;
    if (hasFreeSlot(agent, input.media)) free += capacity - agent.load[input.media];
  }
  if (slots === 0) return undefined;
  return Math.ceil((Math.max(0, input.ahead + 1 - free) * input.averageHandleSec) / slots);
}

/** Whether an agent who could take the subject is logged in (Ready or not): else a request waits in silence. */
export function isStaffed(input: { agents: Agents; subject: SubjectConfig; media: Media }): boolean {
  const widest = Math.min(...input.subject.targets.map((t) => t.minLevel));
  return input.agents
    .all()
    .some(
      (agent) =>
        agent.status !== 'LoggedOut' &&
        (agent.config.skills[input.subject.skill] ?? 0) >= widest &&
        capacityOf(agent, input.media) > 0,
    );
}

/** Rolling average of the last handle times per subject and media. */
export function createHandleTimes(defaultSec: number, window = 20) {
  const samples = new Map<string, number[]>();
  return {
    record(media: Media, subject: string, seconds: number): void {
      const key = `${media}:${subject}`;
      const list = samples.get(key) ?? [];
      list.push(seconds);
      if (list.length > window) list.shift();
      samples.set(key, list);
    },
    samples: (): Record<string, number[]> => Object.fromEntries(samples),
    restore(stored: Record<string, number[]>): void {
      for (const [key, list] of Object.entries(stored)) samples.set(key, list.slice(-window));
    },
    average(media: Media, subject: string): number {
      const list = samples.get(`${media}:${subject}`);
      if (!list?.length) return defaultSec;
      return list.reduce((sum, value) => sum + value, 0) / list.length;
    },
  };
}

/**
 * The EWT and staffing answers every part asks for: availability (by media and subject id) and a waiting
 * request (given how many wait ahead of it in its line).
 */
export function createEstimates(options: {
  config: ServerConfig;
  agents: Agents;
  handleTimes: ReturnType<typeof createHandleTimes>;
  /** How many wait now for a media and subject. */
  waiting(media: Media, subjectId: string): number;
}) {
  const { config, agents, handleTimes } = options;
  const subjectOf = (id: string) => config.subjects.find((s) => s.id === id);
  const wait = (media: Media, subject: SubjectConfig, ahead: number) =>
    estimateWait({ agents, subject, media, ahead, averageHandleSec: handleTimes.average(media, subject.id) });
  return {
    ewt(media: Media, subjectId: string): number | undefined {
      const subject = subjectOf(subjectId);
      return subject && wait(media, subject, options.waiting(media, subjectId));
    },
    staffed(media: Media, subjectId: string): boolean {
      const subject = subjectOf(subjectId);
      return subject !== undefined && isStaffed({ agents, subject, media });
    },
    forRequest: (request: { media: Media; subject: SubjectConfig }, ahead: number) =>
      wait(request.media, request.subject, ahead),
    staffedFor: (request: { media: Media; subject: SubjectConfig }) =>
      isStaffed({ agents, subject: request.subject, media: request.media }),
  };
}
