// Interaction facts in the style of the seed's Info Mart descriptors: role/result [reason] per resource.

export type ResourceType = 'agent' | 'queue' | 'routingPoint';

export const Role = {
  RoutedTo: 'RoutedTo',
  ReceivedTransfer: 'ReceivedTransfer',
  InConference: 'InConference',
  ReceivedConsult: 'ReceivedConsult',
  Received: 'Received',
  Puller: 'Puller',
} as const;

export const Result = {
  Completed: 'Completed',
  Redirected: 'Redirected',
  Transferred: 'Transferred',
  Abandoned: 'Abandoned',
  CustomerAbandoned: 'CustomerAbandoned',
} as const;

export const Reason = {
  Revoked: 'Revoked',
  AbandonedWhileQueued: 'AbandonedWhileQueued',
  AbandonedWhileRinging: 'AbandonedWhileRinging',
  ExternalOverflow: 'ExternalOverflow',
} as const;

export interface Fact {
  readonly interactionId: string;
  readonly media: string;
  readonly subject: string;
  readonly resource: { readonly type: ResourceType; readonly id: string };
  readonly role: string;
  result?: string;
  reason?: string;
  readonly start: number;
  end?: number;
  wrapUpCode?: string;
}

export function createFactLog() {
  const facts: Fact[] = [];
  // Ids for storage only: the reports show facts as the seed's descriptors, without one.
  const ids = new WeakMap<Fact, string>();
  const byId = new Map<string, Fact>();
  /** Ids of facts opened, closed, changed or pruned since storage last took them. */
  const changed = new Set<string>();
  let next = 0;
  function keep(id: string, fact: Fact): void {
    facts.push(fact);
    ids.set(fact, id);
    byId.set(id, fact);
    changed.add(id);
  }
  return {
    open(fact: Omit<Fact, 'result' | 'reason' | 'end'>): Fact {
      const entry: Fact = { ...fact };
      keep(`f${(++next).toString(36)}`, entry);
      return entry;
    },
    close(fact: Fact, at: number, result: string, reason?: string): void {
      if (fact.result) return;
      fact.result = result;
      if (reason) fact.reason = reason;
      fact.end = at;
      changed.add(ids.get(fact) ?? '');
    },
    /** Changes a fact's own fields (an agent's wrap-up code). */
    change(fact: Fact, fields: Pick<Fact, 'wrapUpCode'>): void {
      Object.assign(fact, fields);
      changed.add(ids.get(fact) ?? '');
    },
    all: (): readonly Fact[] => facts,
    /** Forgets the facts of these interactions (retention). */
    prune(interactionIds: ReadonlySet<string>): void {
      const kept = facts.filter((fact) => !interactionIds.has(fact.interactionId));
      for (const fact of facts) {
        if (!interactionIds.has(fact.interactionId)) continue;
        const id = ids.get(fact) ?? '';
        byId.delete(id);
        changed.add(id);
      }
      facts.length = 0;
      facts.push(...kept);
    },
    idOf: (fact: Fact): string => ids.get(fact) ?? '',
    byId: (id: string) => byId.get(id),
    rows: (): Iterable<[string, Fact]> => byId,
    takeChanged(): Array<[string, Fact | undefined]> {
      const out = [...changed].map((id): [string, Fact | undefined] => [id, byId.get(id)]);
      changed.clear();
      return out;
    },
    /** Takes back the facts a previous run stored, in their order. */
    restore(rows: ReadonlyMap<string, unknown>): void {
      for (const [id, fact] of rows) {
        keep(id, { ...(fact as Fact) });
        next = Math.max(next, Number.parseInt(id.slice(1), 36) || 0);
      }
      changed.clear();
    },
    of: (interactionId: string) => facts.filter((fact) => fact.interactionId === interactionId),
  };
}

export type FactLog = ReturnType<typeof createFactLog>;

/** "RoutedTo/Redirected [Revoked]": the descriptor notation of the seed documents. */
export function descriptor(fact: Fact): string {
  return `${fact.role}/${fact.result ?? 'Active'}${fact.reason ? ` [${fact.reason}]` : ''}`;
}
