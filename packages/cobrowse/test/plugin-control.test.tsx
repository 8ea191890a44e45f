import { fireEvent, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { consentTimeoutMs } from '../src/plugin';
import { setup } from './customer-harness';

// rrweb does not record in happy-dom: a stand-in numbers the page's elements by their data-id.
const recorder = vi.hoisted(() => ({ starts: 0, stops: 0 }));
vi.mock('../src/capture/recorder', () => ({
  startCapture() {
    recorder.starts += 1;
    return {
      resync: () => undefined,
      stop: () => {
        recorder.stops += 1;
      },
      node: (id: number) => document.querySelector(`[data-id="${id}"]`),
      id: (node: Element) => Number(node.getAttribute('data-id') ?? -1),
    };
  },
}));

const form = `<main><form><label>Name <input data-id="1" name="name"></label>
  <label>Card <input data-id="2" name="card" autocomplete="cc-number"></label>
  <button data-id="3">Pay</button></form></main>`;

type Ctx = Awaited<ReturnType<typeof setup>>;

async function joined(ctx: Ctx) {
  const { sessionId } = await ctx.cc.settled(ctx.tandem.command('Cobrowse.start'));
  await ctx.cc.settled(ctx.ada.client.joinCobrowse(sessionId));
  await ctx.pump();
  const page = ctx.frames.find((frame) => frame.kind === 'navigation')?.data as { page: string };
  const control = async (data: Record<string, unknown>) => {
    await ctx.cc.settled(ctx.ada.client.sendCobrowse(sessionId, 'control', { page: page.page, ...data }));
    await ctx.pump();
  };
  return { sessionId, page: page.page, control };
}

async function requestWrite(ctx: Ctx, sessionId: string) {
  await ctx.cc.settled(ctx.ada.client.requestWriteMode(sessionId));
  await ctx.pump();
  return ctx.view.getByRole('alertdialog', { name: 'Allow Ada to control this page?' });
}

const refusals = (ctx: Ctx) => ctx.frames.filter((frame) => frame.kind === 'refused').map((f) => f.data);

describe('co-browse write mode, customer side', () => {
  it('asks before the agent may control the page; Allow hands it over and the bar says so', async () => {
    const ctx = await setup(form);
    const { sessionId, control } = await joined(ctx);
    const dialog = await requestWrite(ctx, sessionId);
    // The safe answer has the focus.
    expect((ctx.root as unknown as ShadowRoot).activeElement?.textContent).toBe('Deny');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Allow' }));
    await ctx.pump();
    expect(ctx.view.queryByRole('alertdialog')).toBeNull();
    const bar = ctx.view.getByRole('region', { name: 'Share this tab' });
    expect(within(bar).getByRole('status').textContent).toBe('Ada can click and type on this page');
    expect(await ctx.cc.settled(ctx.tandem.command('Cobrowse.state'))).toMatchObject({ mode: 'write' });
    expect(ctx.events).toContain('Cobrowse.modeChanged');

    await control({ type: 'input', id: 1, value: 'Grace' });
    expect((document.querySelector('[name=name]') as HTMLInputElement).value).toBe('Grace');
    await control({ type: 'input', id: 2, value: '4111' });
    await control({ type: 'click', id: 3, x: 1, y: 1 });
    expect((document.querySelector('[name=card]') as HTMLInputElement).value).toBe('');
    expect(refusals(ctx)).toEqual([
      { kind: 'control', action: 'input', id: 2, reason: 'protected' },
      // A button with no type submits its form: readonly by default.
      { kind: 'control', action: 'click', id: 3, reason: 'protected' },
    ]);
  });

  it('Deny, or no answer within 30 s, leaves the agent in pointer mode', async () => {
    const ctx = await setup(form);
    const { sessionId, control } = await joined(ctx);
    const denied: unknown[] = [];
    ctx.ada.client.on('cobrowseWriteDenied', (event) => denied.push(event));
    fireEvent.click(within(await requestWrite(ctx, sessionId)).getByRole('button', { name: 'Deny' }));
    await ctx.pump();
    expect(denied).toHaveLength(1);
    await requestWrite(ctx, sessionId);
    await ctx.cc.elapse(consentTimeoutMs - 1000, 1000);
    expect(ctx.view.getByRole('alertdialog')).toBeTruthy();
    await ctx.cc.elapse(1000, 500);
    await ctx.pump();
    expect(ctx.view.queryByRole('alertdialog')).toBeNull();
    expect(denied).toHaveLength(2);
    await expect(control({ type: 'input', id: 1, value: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((document.querySelector('[name=name]') as HTMLInputElement).value).toBe('');
  });

  it('takes control back with one click or the Escape key, at once, before the server answers', async () => {
    const ctx = await setup(form);
    const { sessionId, page } = await joined(ctx);
    const grant = async () => {
      fireEvent.click(within(await requestWrite(ctx, sessionId)).getByRole('button', { name: 'Allow' }));
      await ctx.pump();
    };
    await grant();
    const bar = ctx.view.getByRole('region', { name: 'Share this tab' });
    // The agent's next keystroke is already on its way when the customer takes back control.
    const late = ctx.ada.client.sendCobrowse(sessionId, 'control', {
      type: 'input',
      page,
      id: 1,
      value: 'G',
    });
    fireEvent.click(within(bar).getByRole('button', { name: 'Take back control (Esc)' }));
    await ctx.cc.settled(late);
    await ctx.pump();
    expect((document.querySelector('[name=name]') as HTMLInputElement).value).toBe('');
    expect(refusals(ctx)).toEqual([{ kind: 'control', action: 'input', id: 1, reason: 'pointer_mode' }]);
    expect(within(bar).getByRole('status').textContent).toBe('You are sharing this tab with Ada');

    await grant();
    const escapeKey = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
    Object.defineProperty(escapeKey, 'isTrusted', { value: true });
    document.querySelector('[name=name]')?.dispatchEvent(escapeKey);
    await ctx.pump();
    expect(await ctx.cc.settled(ctx.tandem.command('Cobrowse.state'))).toMatchObject({ mode: 'pointer' });
    const modes = ctx.cc.server.cobrowseSessions.get(sessionId)?.modes.map((m) => m.mode);
    expect(modes).toEqual(['pointer', 'write', 'pointer', 'write', 'pointer']);
  });

  it('draws the agent’s annotations over the page in either mode, and lets them fade', async () => {
    const ctx = await setup(form);
    const { sessionId } = await joined(ctx);
    const draw = (data: unknown) =>
      ctx.cc.settled(ctx.ada.client.sendCobrowse(sessionId, 'annotation', data));
    await draw({
      shape: 'rect',
      points: [
        [10, 10],
        [60, 40],
      ],
    });
    await draw({
      shape: 'path',
      points: [
        [0, 0],
        [5, 5],
        [9, 2],
      ],
    });
    await draw({ shape: 'laser', points: [[3, 3]] });
    await draw({ shape: 'script', points: [[1, 1]] });
    await ctx.pump();
    const root = ctx.root as unknown as ShadowRoot;
    expect(root.querySelectorAll('.cobrowse-mark')).toHaveLength(3);
    expect(root.querySelector('.cobrowse-rect rect')?.getAttribute('width')).toBe('50');
    expect(document.body.querySelector('svg')).toBeNull();
    await ctx.cc.elapse(1000, 500);
    await ctx.pump();
    expect(root.querySelectorAll('.cobrowse-mark')).toHaveLength(2);
    await ctx.cc.elapse(3000, 500);
    await ctx.pump();
    expect(root.querySelectorAll('.cobrowse-mark')).toHaveLength(0);
  });

  it('goes on with the session on the tab’s next page: agent, mode and a new page id', async () => {
    const ctx = await setup(form);
    const { sessionId, page } = await joined(ctx);
    fireEvent.click(within(await requestWrite(ctx, sessionId)).getByRole('button', { name: 'Allow' }));
    await ctx.pump();
    // The customer follows a link: this page goes, the next one loads Tandem again.
    ctx.tandem.destroy();
    const next = await ctx.openPage('<main><h1>Thanks</h1><input data-id="1" name="note"></main>');
    await ctx.pump();
    const bar = next.view.getByRole('region', { name: 'Share this tab' });
    expect(within(bar).getByRole('status').textContent).toBe('Ada can click and type on this page');
    expect(recorder.starts).toBeGreaterThanOrEqual(2);
    const pages = ctx.frames
      .filter((frame) => frame.kind === 'navigation')
      .map((f) => (f.data as { page: string }).page);
    expect(pages).toHaveLength(2);
    expect(pages[1]).not.toBe(page);
    // An action aimed at the page the customer left is refused on the new one.
    await ctx.cc.settled(
      ctx.ada.client.sendCobrowse(sessionId, 'control', { type: 'input', page, id: 1, value: 'x' }),
    );
    await ctx.pump();
    expect(refusals(ctx).at(-1)).toEqual({ kind: 'control', action: 'input', id: 1, reason: 'page_left' });
    expect((document.querySelector('[name=note]') as HTMLInputElement).value).toBe('');
    // Once over, the next page starts clean.
    fireEvent.click(within(bar).getByRole('button', { name: 'Stop sharing' }));
    await ctx.pump();
    next.tandem.destroy();
    const third = await ctx.openPage('<main><h1>Home</h1></main>');
    await ctx.pump();
    expect(third.view.queryByRole('region', { name: 'Share this tab' })).toBeNull();
  });
});
