import { type Schedule, weekdays } from './config';

// Business hours in a time zone, with Intl only (no Node API), so the server logic stays isomorphic.

interface LocalTime {
  readonly date: string;
  readonly weekday: number;
  readonly minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let existing = formatters.get(timeZone);
  if (!existing) {
    existing = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, existing);
  }
  return existing;
}

export function localTime(epochMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  const weekday = weekdays.indexOf(
    (parts.weekday ?? 'Sun').toLowerCase().slice(0, 3) as (typeof weekdays)[number],
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function intervalsOn(schedule: Schedule, local: LocalTime): Array<readonly [number, number]> {
  if (schedule.holidays?.includes(local.date)) return [];
  const day = schedule.weekly[weekdays[local.weekday] ?? 'sun'] ?? [];
  return day.map(([from, to]) => [toMinutes(from), toMinutes(to)] as const);
}

export function isOpen(schedule: Schedule, epochMs: number): boolean {
  const local = localTime(epochMs, schedule.timeZone);
  return intervalsOn(schedule, local).some(([from, to]) => local.minutes >= from && local.minutes < to);
}

/** Epoch ms of the next opening after epochMs (within two weeks), or undefined when there is none. */
export function nextOpening(schedule: Schedule, epochMs: number): number | undefined {
  // Walk forward minute boundaries of each local day: exact across DST changes, cheap enough (≤ 14 days).
  const start = Math.ceil(epochMs / 60_000) * 60_000;
  let cursor = start;
  for (let day = 0; day < 15; day++) {
    const local = localTime(cursor, schedule.timeZone);
    for (const [from, to] of intervalsOn(schedule, local)) {
      if (local.minutes >= to) continue;
      const target = Math.max(from, local.minutes);
      const candidate = cursor + (target - local.minutes) * 60_000;
      if (candidate >= start && (candidate === epochMs || isOpen(schedule, candidate))) return candidate;
    }
    cursor += (24 * 60 - local.minutes) * 60_000;
  }
  return undefined;
}
