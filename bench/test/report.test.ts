// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisons, renderReport, weightChart } from '../report';
import { quantile, seeded } from '../stats';
import { type BenchResult, checkTargets } from '../targets';

/** A real run's result, saved as a file (bench/results/latest.json of a full run). */
const saved = (): BenchResult =>
  JSON.parse(readFileSync(new URL('./fixtures/result.json', import.meta.url), 'utf8'));

describe('bench statistics', () => {
  it('takes quantiles by nearest rank, and repeats a seeded sequence exactly', () => {
    expect(quantile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([], 0.5)).toBeNaN();
    const a = seeded(42);
    const b = seeded(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, seeded(43))).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('targets', () => {
  it('marks a budget over its ceiling, a slow p95 and a server that sustained nothing as not met', () => {
    const result = saved();
    const heavy = result.weights.map((w) =>
      w.name === 'Tandem launcher + selector' ? { ...w, gzip: 20.5 * 1024 } : w,
    );
    const targets = checkTargets({
      ...result,
      weights: heavy,
      action: { ...result.action, p95: 100 },
      chat: result.chat.map((c) => ({ ...c, sustained: undefined })),
    });
    const met = (prefix: string) => targets.find((t) => t.target.startsWith(prefix))?.met;
    expect(met('launcher + channel selector')).toBe(false);
    expect(met('agent action to effect')).toBe(false);
    expect(met('chat p99')).toBe(false);
    expect(met('loader')).toBe(true);
  });

  it('names every target of the earlier issues that the bench measures', () => {
    const names = checkTargets(saved()).map((t) => t.target);
    for (const expected of [
      'loader',
      'chat, added',
      'click-to-call, added',
      'snapshot time',
      'pointer p95',
      'agent memory',
    ])
      expect(names.some((name) => name.includes(expected))).toBe(true);
  });
});

describe('report', () => {
  it('prints the machine, every section, and a "no" for an unmet target', () => {
    const result = saved();
    const report = renderReport({
      ...result,
      targets: [{ source: '#0', target: 'a target', value: '1 ms', met: false }],
    });
    expect(report).toContain(result.machine.model);
    for (const heading of [
      '### Weight',
      '### Host-page cost',
      '### Co-browse',
      '### Chat and server',
      '### Targets',
    ])
      expect(report).toContain(heading);
    expect(report).toMatch(/\| #0 +\| a target +\| 1 ms +\| \*\*no\*\* +\|/);
  });

  it('compares each peer with what a site ships of Tandem for the same job', () => {
    const { peers, withCobrowse, withChat } = comparisons(saved().weights);
    const livechat = peers.find((peer) => peer.name.startsWith('@rocket.chat/livechat'));
    expect(livechat?.ratio).toBeCloseTo((livechat?.gzip ?? 0) / withChat.gzip, 6);
    const cobrowse = peers.find((peer) => peer.name.startsWith('cobrowse-sdk-js'));
    expect(cobrowse?.ratio).toBeCloseTo((cobrowse?.gzip ?? 0) / withCobrowse.gzip, 6);
  });

  it('draws one bar per entry in the chart, labels escaped', () => {
    const weights = saved().weights.map((w) => (w.group === 'peer' ? { ...w, name: `${w.name} <&>` } : w));
    const svg = weightChart(weights);
    expect(svg.match(/<rect /g)).toHaveLength(2 + comparisons(weights).peers.length);
    expect(svg).toContain('&lt;&amp;>');
    expect(svg).not.toContain('<&>');
  });
});
