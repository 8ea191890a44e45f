import { createMemoryTransport, createSessionClient, createTandem, protocolBackend } from '@tandem/sdk-core';
import { fireEvent, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../sdk-core/test/fake-clock';
import { contactCenter } from '../../server/test/harness';
import { cobrowse } from '../src/index';
import { instances, setup } from './customer-harness';

// rrweb does not record in happy-dom: the recorder is replaced by one that reports what it is given
// (recording and masking themselves are tested in Chromium, tests/e2e/cobrowse*.test.ts).
const recorder = vi.hoisted(() => ({ starts: 0, stops: 0, resyncs: 0 }));
vi.mock('../src/capture/recorder', () => ({
  startCapture(options: {
    send(frame: { kind: string; data: unknown }): void;
    restrictions: { mask: string };
  }) {
    recorder.starts += 1;
    options.send({
      kind: 'snapshot',
      data: { part: 0, parts: 1, text: JSON.stringify(options.restrictions) },
    });
    return {
      resync: () => {
        recorder.resyncs += 1;
      },
      stop: () => {
        recorder.stops += 1;
      },
      node: () => null,
      id: () => -1,
    };
  },
}));

describe('co-browse, customer side', () => {
  it('shows the session id in three groups with copy and cancel while waiting for the agent', async () => {
    const ctx = await setup();
    const started = ctx.cc.settled(ctx.tandem.command('Cobrowse.start'));
    const { sessionId } = await started;
    await ctx.pump();
    expect(sessionId).toMatch(/^\d{9}$/);
    const panel = ctx.view.getByRole('dialog', { name: 'Share this tab' });
    expect(within(panel).getByText(sessionId.replace(/(\d{3})(?=\d)/g, '$1 '))).toBeTruthy();
    expect(within(panel).getByRole('status').textContent).toBe('Waiting for the agent to join…');
    expect((ctx.root as unknown as ShadowRoot).activeElement?.textContent).toBe('Copy code');
    // The browser refuses the clipboard: the visitor is told to read the code out instead.
    const denied = { writeText: () => Promise.reject(new Error('denied')) };
    Object.defineProperty(navigator, 'clipboard', { value: denied, configurable: true });
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy code' }));
    await ctx.pump();
    delete (navigator as unknown as { clipboard?: unknown }).clipboard;
    expect(within(panel).getByRole('status').textContent).toBe(
      'Waiting for the agent to join… Could not copy: read the code out instead.',
    );
    // A second start returns the same session.
    expect(await ctx.cc.settled(ctx.tandem.command('Cobrowse.start'))).toEqual({ sessionId });

    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    await ctx.pump();
    expect(ctx.view.getByRole('status').textContent).toBe('You stopped sharing this tab.');
    expect(await ctx.cc.settled(ctx.tandem.command('Cobrowse.state'))).toMatchObject({
      phase: 'ended',
      endReason: 'customer',
    });
    expect(ctx.events).toEqual(['Cobrowse.started', 'Cobrowse.ended']);
  });

  it('once the agent joins: the sharing bar, the recorder, pointer marks, and refusals outside pointer mode', async () => {
    const ctx = await setup();
    const { sessionId } = await ctx.cc.settled(ctx.tandem.command('Cobrowse.start'));
    await ctx.cc.settled(ctx.ada.client.joinCobrowse(sessionId));
    await ctx.pump();
    const bar = ctx.view.getByRole('region', { name: 'Share this tab' });
    expect(within(bar).getByRole('status').textContent).toBe('You are sharing this tab with Ada');
    // Focus was on the waiting panel's Copy button: it moves to Stop sharing, not to the page.
    expect((ctx.root as unknown as ShadowRoot).activeElement?.textContent).toBe('Stop sharing');
    expect(ctx.events).toEqual(['Cobrowse.started', 'Cobrowse.joined']);

    // The recorder starts once the agent is there, with the page's restrictions, and its frames reach the agent.
    expect(recorder.starts).toBe(1);
    const snapshot = ctx.frames.find((frame) => frame.kind === 'snapshot');
    expect(snapshot?.data).toMatchObject({ text: expect.stringContaining('[data-tandem-mask]') });
    await ctx.cc.settled(ctx.ada.client.sendCobrowse(sessionId, 'resync'));
    await ctx.pump();
    expect(recorder.resyncs).toBe(1);

    // Pointer mode: the server refuses control, and so does the page for whatever gets through.
    await expect(
      ctx.cc.settled(ctx.ada.client.sendCobrowse(sessionId, 'control', { type: 'focus', page: 'x', id: 1 })),
    ).rejects.toMatchObject({ code: 'forbidden' });

    await ctx.cc.settled(ctx.ada.client.sendCobrowse(sessionId, 'pointer', { x: 30, y: 40 }));
    await ctx.pump();
    const pointer = ctx.view.getByRole('img', { name: 'Ada’s pointer' });
    expect((pointer as HTMLElement).style.transform).toBe('translate(30px, 40px)');

    fireEvent.click(within(bar).getByRole('button', { name: 'Stop sharing' }));
    expect(recorder.stops).toBe(1); // at once, before the server hears of it
    await ctx.pump();
    expect(ctx.ended).toEqual(['customer']);
    expect(ctx.events).toEqual(['Cobrowse.started', 'Cobrowse.joined', 'Cobrowse.ended']);
  });

  it('says why when the agent ends the session', async () => {
    const ctx = await setup();
    const { sessionId } = await ctx.cc.settled(ctx.tandem.command('Cobrowse.start'));
    await ctx.cc.settled(ctx.ada.client.joinCobrowse(sessionId));
    await ctx.pump();
    await ctx.cc.settled(ctx.ada.client.endCobrowse(sessionId));
    await ctx.pump();
    expect(ctx.view.getByRole('status').textContent).toBe('The agent stopped viewing this tab.');
    fireEvent.click(ctx.view.getByRole('button', { name: 'Close' }));
    await ctx.pump();
    expect(ctx.view.queryByRole('dialog')).toBeNull();
  });

  it('names a wrong selector in its options and stays out of the way', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const cc = contactCenter();
      const session = createSessionClient({
        transport: createMemoryTransport({ accept: (peer) => cc.server.accept(peer) }),
        role: 'customer',
        clock: cc.clock,
      });
      const tandem = createTandem({
        backend: protocolBackend(session),
        plugins: [cobrowse({ restrictions: [{ mask: ['#ok', '[[broken'] }] })],
        clock: cc.clock,
        storage: memoryStore(),
      });
      instances.push(tandem);
      await new Promise<void>((resolve) => tandem.on('Tandem.ready', () => resolve()));
      expect(String(errors[0])).toContain(
        'cobrowse.restrictions[0].mask[1]: expected a valid CSS selector, got "[[broken"',
      );
      await expect(tandem.command('Cobrowse.start')).rejects.toMatchObject({ code: 'unknown_command' });
    } finally {
      console.error = original;
    }
  });
});
