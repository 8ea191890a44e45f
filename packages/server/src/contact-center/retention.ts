import type { Clock } from '@tandem/sdk-core';
import type { CobrowseDomain } from './cobrowse';
import type { FactLog } from './facts';
import type { InteractionDomain } from './interactions';
import type { VoiceDomain } from './voice';

/**
 * Ended records are kept for the reports, then forgotten: memory (and storage) stays bounded however long
 * the server runs. Looks every hour, or every `retentionMs` when shorter.
 */
export function scheduleRetention(parts: {
  clock: Clock;
  retentionMs: number;
  domain: InteractionDomain;
  facts: FactLog;
  cobrowse: CobrowseDomain;
  voice: VoiceDomain;
}): void {
  const { clock, retentionMs, domain, facts, cobrowse, voice } = parts;
  function sweep(): void {
    const cutoff = clock.now() - retentionMs;
    const gone = new Set<string>();
    for (const [id, interaction] of domain.interactions) {
      if (interaction.endedAt !== undefined && interaction.endedAt < cutoff) {
        domain.interactions.delete(id);
        gone.add(id);
      }
    }
    facts.prune(gone);
    for (const [id, session] of cobrowse.sessions) {
      if (session.endedAt !== undefined && session.endedAt < cutoff) cobrowse.sessions.delete(id);
    }
    for (const [id, call] of voice.calls) {
      const over = call.state === 'ended' || call.state === 'disconnected' || call.state === 'redirected';
      if (over && call.at < cutoff) voice.calls.delete(id);
    }
    clock.setTimeout(sweep, Math.min(retentionMs, 3600_000));
  }
  clock.setTimeout(sweep, Math.min(retentionMs, 3600_000));
}
