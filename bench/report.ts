// The bench's Markdown report and weight chart, and their place in docs/benchmarks.md.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Latency } from './live';
import { type BenchResult, heldByTests } from './targets';
import type { Weight } from './weights';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
/** A Markdown table with its columns padded, as a terminal shows it and as the formatter keeps it. */
function table(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((row) => row.map(String))];
  const width = (text: string) => [...text].length;
  const widths = head.map((_, column) => Math.max(3, ...cells.map((row) => width(row[column] ?? ''))));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - width(cell))).join(' | ')} |`;
  const [first = [], ...rest] = cells;
  return [line(first), line(widths.map((w) => '-'.repeat(w))), ...rest.map(line)].join('\n');
}
const percentiles = (l: Latency) =>
  `${l.p50} / ${l.p95} / ${l.p99} ms${l.missed ? ` (${l.missed} never shown)` : ''}`;

/** What a site ships for one use, Tandem's entries summed, next to the peer that does the same job. */
export function comparisons(weights: readonly Weight[]) {
  const find = (prefix: string) => weights.find((w) => w.name.startsWith(prefix));
  const sum = (...names: string[]) =>
    names.reduce(
      (total, name) => {
        const w = find(name);
        return { gzip: total.gzip + (w?.gzip ?? 0), brotli: total.brotli + (w?.brotli ?? 0) };
      },
      { gzip: 0, brotli: 0 },
    );
  const withCobrowse = sum('Tandem loader', 'Tandem launcher', 'Tandem co-browse customer');
  const withChat = sum('Tandem loader', 'Tandem launcher', 'Tandem chat');
  const rows = [
    { name: 'Tandem with co-browse (loader + launcher + co-browse)', ...withCobrowse, group: 'tandem' },
    { name: 'Tandem with chat (loader + launcher + chat)', ...withChat, group: 'tandem' },
  ];
  const ratio = (name: string, against: { gzip: number }) => {
    const w = find(name);
    return w ? { name: w.name, gzip: w.gzip, brotli: w.brotli, ratio: w.gzip / against.gzip } : undefined;
  };
  const peers = [
    ratio('cobrowse-sdk-js', withCobrowse),
    ratio('@openreplay/tracker', withCobrowse),
    ratio('@rocket.chat/livechat', withChat),
    ratio('@rrweb/record', withCobrowse),
  ].filter((peer) => peer !== undefined);
  return { rows, peers, withCobrowse, withChat };
}

export function renderReport(result: BenchResult): string {
  const { machine, settings, weights, hostCost, cobrowse, latency, action, session, chat } = result;
  const memoryChat = chat.find((c) => c.store === 'memory');
  const compared = comparisons(weights);
  const sections = [
    `Tandem bench, ${result.date.slice(0, 16).replace('T', ' ')} UTC, on ${machine.cpus} × ${machine.model}, ` +
      `${machine.memoryGB} GB, Node ${machine.node}, ${machine.chromium}. Medians of ${settings.runs} runs ` +
      `after warm-up unless said; seed ${settings.seed}; the whole run took ${result.seconds} s.`,
    '### Weight (KB, each file compressed as a browser fetches it)',
    table(
      ['entry', 'what', 'gzip', 'brotli'],
      weights.map((w) => [w.name, w.what, kb(w.gzip), kb(w.brotli)]),
    ),
    table(
      ['what a site ships', 'gzip', 'brotli', 'peer / Tandem'],
      [
        ...compared.rows.map((row) => [row.name, kb(row.gzip), kb(row.brotli), '1']),
        ...compared.peers.map((peer) => [peer.name, kb(peer.gzip), kb(peer.brotli), peer.ratio.toFixed(2)]),
      ],
    ),
    "### Host-page cost (a cold first visit to the demo shop's product page, no interaction)",
    table(
      [
        'page',
        'long tasks > 50 ms',
        'total blocking time',
        'launcher visible',
        'fetched (uncompressed)',
        'requests',
      ],
      hostCost.map((row) => [
        row.name,
        `${row.longTasks} (${row.spread.longTasks.min}–${row.spread.longTasks.max})`,
        `${row.totalBlockingMs} ms (${row.spread.totalBlockingMs.min}–${row.spread.totalBlockingMs.max})`,
        row.launcherVisibleMs === null || !row.spread.launcherVisibleMs
          ? '—'
          : `${row.launcherVisibleMs} ms (${row.spread.launcherVisibleMs.min}–${row.spread.launcherVisibleMs.max})`,
        `${kb(row.bytes)} KB`,
        row.requests,
      ]),
    ),
    `Medians of ${hostCost[0]?.runs ?? 0} cold loads each, interleaved; min–max in brackets. ` +
      hostCost
        .filter((row) => row.note)
        .map((row) => `${row.name}: ${row.note}.`)
        .join(' '),
    '### Co-browse (Chromium, loopback)',
    table(
      ['measure', 'Tandem', 'plain rrweb record', 'ratio'],
      [
        ...cobrowse.snapshots.map((s) => [
          `full snapshot, ${s.nodes.toLocaleString('en')} nodes${'privacy' in s ? `, privacy "${s.privacy}"` : ''} (${s.runs} runs; min–max ${s.spread.tandemMs.min}–${s.spread.tandemMs.max} ms)`,
          `${s.tandemMs} ms`,
          `${s.plainMs} ms`,
          s.ratio,
        ]),
        [
          `mutation burst: ${cobrowse.burst.mutations.toLocaleString('en')} changes on 10,000 nodes (page alone ${cobrowse.burst.noneMs} ms)`,
          `${cobrowse.burst.tandemMs} ms`,
          `${cobrowse.burst.plainMs} ms`,
          cobrowse.burst.ratio,
        ],
      ],
    ),
    table(
      ['measure', 'value'],
      [
        ['change on the page to the agent’s view, p50 / p95 / p99', percentiles(latency.changeToView)],
        ['customer’s pointer to the agent’s dot, p50 / p95 / p99', percentiles(latency.pointer)],
        ['pointer updates a second, the mouse moving as fast as it can', latency.pointerPerSecond],
        ['a burst of 1,000 new items to the agent’s view, p50 / p95 / p99', percentiles(latency.burstToView)],
        ['agent action (typing in write mode) to the app’s effect, p50 / p95 / p99', percentiles(action)],
        [
          'a change to the recorder’s frame (flush), p50 / p99',
          `${cobrowse.flushMs.p50} / ${cobrowse.flushMs.p99} ms`,
        ],
        [
          `scripted session, customer → server (${session.minutes} min at ${session.speed}×)`,
          `${session.customerSentKBPerMinute} KB a minute`,
        ],
        ['scripted session, server → agent', `${session.agentReceivedKBPerMinute} KB a minute`],
        [
          'agent heap after GC, minute by minute',
          `${session.agentMemory.samples.map((s) => `${(s.heapKB / 1024).toFixed(2)}`).join(' → ')} MB`,
        ],
        [
          'agent DOM nodes and listeners, first → last minute',
          `${session.agentMemory.samples[0]?.domNodes} → ${session.agentMemory.samples.at(-1)?.domNodes} nodes, ` +
            `${session.agentMemory.samples[0]?.listeners} → ${session.agentMemory.samples.at(-1)?.listeners} listeners`,
        ],
      ],
    ),
    '### Chat and server (one server process; the clients run in the bench process on the same machine)',
    'The same measure with the state in memory only, in the embedded PostgreSQL (PGlite, a data folder) and in PostgreSQL; every turn is written before its frames leave.',
    table(
      [
        'store',
        'round trip p50 / p99',
        'ratio to memory (p50)',
        'sessions at p99 < 50 ms',
        'ratio to memory',
      ],
      chat.map((c) => [
        c.store,
        `${c.roundTripMs.p50} / ${c.roundTripMs.p99} ms`,
        ratioTo(c.roundTripMs.p50, memoryChat?.roundTripMs.p50),
        c.sustained?.sessions ?? 'none',
        ratioTo(c.sustained?.sessions ?? 0, memoryChat?.sustained?.sessions),
      ]),
    ),
    ...chat.flatMap((c) => [
      `Load on ${c.store}:`,
      table(
        ['chat sessions', 'messages a second', 'send p50 / p95 / p99', 'failed', 'server heap a session'],
        c.steps.map((s) => [
          s.sessions,
          s.messagesPerSecond,
          `${s.p50} / ${s.p95} / ${s.p99} ms`,
          s.failed,
          `${s.memoryPerSessionKB} KB`,
        ]),
      ),
    ]),
    '### Targets from the issues, measured',
    table(
      ['from', 'target', 'measured', 'met'],
      result.targets.map((t) => [t.source, t.target, t.value, t.met ? 'yes' : '**no**']),
    ),
    '### Targets held by `npm test`',
    'Not measured here: each is met while its test passes, and CI runs every test on every change.',
    table(
      ['from', 'target', 'held by'],
      heldByTests.map((t) => [t.source, t.target, t.test]),
    ),
  ];
  return `${sections.join('\n\n')}\n`;
}

const ratioTo = (value: number, base: number | undefined) => (base ? `${(value / base).toFixed(2)}×` : '–');

/** A bar chart of what a site ships for co-browse and for chat, Tandem next to its peers (gzip KB). */
export function weightChart(weights: readonly Weight[]): string {
  const compared = comparisons(weights);
  const bars = [
    ...compared.rows.map((row) => ({ label: row.name.replace(/ \(.*/, ''), gzip: row.gzip, tandem: true })),
    // Versions are in the tables; the chart keeps its labels short enough to fit.
    ...compared.peers.map((peer) => ({
      label: `${peer.name.replace(/ \d+\.\d+\.\d+/g, '')}${peer.name.startsWith('@rrweb/record') ? ' (floor)' : ''}`,
      gzip: peer.gzip,
      tandem: false,
    })),
  ];
  const max = Math.max(...bars.map((bar) => bar.gzip));
  const width = 640;
  const labelWidth = 300;
  const row = 28;
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows = bars.map((bar, i) => {
    const y = 30 + i * row;
    const length = ((width - labelWidth - 70) * bar.gzip) / max;
    return [
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${length.toFixed(1)}" height="18" fill="${bar.tandem ? '#1f6f4a' : '#8a8f98'}"/>`,
      `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 15}">${kb(bar.gzip)} KB</text>`,
    ].join('');
  });
  const height = 40 + bars.length * row;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title">`,
    '<title id="title">What a site ships, gzip KB: Tandem and its peers</title>',
    '<style>text{font:13px system-ui,sans-serif;fill:#222}@media (prefers-color-scheme:dark){text{fill:#eee}}</style>',
    `<text x="${labelWidth}" y="18" font-weight="bold">gzip KB, lower is better</text>`,
    ...rows,
    '</svg>',
    '',
  ].join('\n');
}

const docs = new URL('../docs/', import.meta.url);
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';

/** Puts the report between the markers in docs/benchmarks.md and redraws the weight chart. */
export function publish(result: BenchResult, report: string): void {
  const page = readFileSync(new URL('benchmarks.md', docs), 'utf8');
  const before = page.slice(0, page.indexOf(start) + start.length);
  const after = page.slice(page.indexOf(end));
  writeFileSync(new URL('benchmarks.md', docs), `${before}\n${report}${after}`);
  writeFileSync(new URL('benchmarks-weights.svg', docs), weightChart(result.weights));
}
