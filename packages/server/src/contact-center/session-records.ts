import type { LogView } from '../storage/persistence';
import type { LogRows } from '../storage/store';
import type { SessionState } from './sessions';

/** A session as storage keeps it, without its frames and result ids (rows of their own). */
export interface SessionRecord {
  readonly token: string;
  readonly role: SessionState['role'];
  readonly subject: string;
  readonly seq: number;
  readonly engaged: boolean;
  readonly resultsBase: number;
}

export function sessionRecord(session: SessionState): SessionRecord {
  const { token, role, subject, seq, engaged, resultsBase } = session;
  return { token, role, subject, seq, engaged, resultsBase };
}

/**
 * The unacknowledged frames as sent, by sequence number: the first is the oldest not acknowledged. A live
 * view: storage reads only the frames it does not have yet.
 */
export function framesOf(session: SessionState): LogView {
  const start = () => session.outbox[0]?.seq ?? session.seq + 1;
  return {
    get start() {
      return start();
    },
    get end() {
      return start() + session.outbox.length;
    },
    at: (position) => session.outbox[position - start()]?.text,
  };
}

/** The cached results' command ids with their sequence numbers, oldest first (their text is a frame). */
export function resultIdsOf(session: SessionState): LogView {
  return {
    get start() {
      return session.resultsBase;
    },
    get end() {
      return session.resultsBase + session.results.size;
    },
    // Only when a result is new: the cache is walked then, not on every frame the session is sent.
    at(position) {
      const index = position - session.resultsBase;
      const [id, result] = [...session.results][index] ?? [];
      return id === undefined || !result ? undefined : [id, result.seq];
    },
  };
}

/**
 * A session as it was, from its record, frames and result ids: a result not yet acknowledged has its text
 * in the frames, an acknowledged one keeps only its id (a resend is then answered by nothing).
 */
export function restoreSession(
  record: SessionRecord,
  frames: LogRows | undefined,
  resultIds: LogRows | undefined,
): Omit<SessionState, 'connected' | 'peer' | 'expiry'> {
  const texts = (frames?.items ?? []) as string[];
  const outbox = texts.map((text, index) => ({ seq: (frames?.start ?? 0) + index, text }));
  const bySeq = new Map(outbox.map((entry) => [entry.seq, entry.text]));
  const results = new Map<string, { seq: number; text: string }>();
  for (const [id, seq] of (resultIds?.items ?? []) as Array<[string, number]>) {
    results.set(id, { seq, text: bySeq.get(seq) ?? '' });
  }
  return {
    token: record.token,
    role: record.role,
    subject: record.subject,
    seq: record.seq,
    engaged: record.engaged,
    resultsBase: record.resultsBase ?? 0,
    outbox,
    outboxBytes: texts.reduce((sum, text) => sum + text.length, 0),
    results,
    unackedResults: [...results].filter(([, result]) => result.text !== '').map(([id]) => id),
  };
}
