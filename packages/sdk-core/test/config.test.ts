import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configSchema, createTandem, definePlugin, validate } from '../src/index';

// The wording loads on demand: the rejection of any command comes after the report.
async function errorsOf(options: unknown): Promise<string> {
  const tandem = createTandem(options as never);
  await tandem.command('Any.thing' as never).catch(() => undefined);
  const calls = vi.mocked(console.error).mock.calls;
  vi.mocked(console.error).mockClear();
  tandem.destroy();
  return calls.map((args) => args.join(' ')).join('\n');
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('config validation', () => {
  it('names the field, what was expected and what was given', async () => {
    expect(await errorsOf({ channels: { chat: { ewt: { max: 'abc' } } } })).toMatchInlineSnapshot(
      `"Tandem config: channels.chat.ewt.max: expected a number >= 0, got "abc""`,
    );
  });

  it('reports each problem once, in one message, one line each', async () => {
    expect(
      await errorsOf({
        position: 'top-middle',
        zIndex: 1.5,
        chanels: {},
        theme: { mode: 'sepia', accent: 'red;background:url(//evil)' },
        channels: { clickToCall: { ewt: { min: 300, max: 60 } }, chat: { enabled: 'yes' } },
      }),
    ).toMatchInlineSnapshot(`
      "Tandem config: theme.mode: expected one of "light", "dark", "auto", got "sepia"
      Tandem config: theme.accent: expected a CSS colour such as "#0a66c2" or "rgb(10 102 194)", got "red;background:url(//evil)"
      Tandem config: position: expected one of "bottom-right", "bottom-left", got "top-middle"
      Tandem config: zIndex: expected a whole number >= 0 and <= 2147483647, got 1.5
      Tandem config: channels.chat.enabled: expected true or false, got "yes"
      Tandem config: channels.clickToCall.ewt.min: expected a number <= max, got 300
      Tandem config: chanels: unknown option"
    `);
  });

  it('rejects what is not an options object, and plugins that are not plugins', async () => {
    expect(await errorsOf('chat')).toMatchInlineSnapshot(
      `"Tandem config: (root): expected an object of options, got "chat""`,
    );
    expect(await errorsOf({ plugins: [{ name: 'Chat' }], random: 4 })).toMatchInlineSnapshot(`
      "Tandem config: plugins[0]: expected a plugin made by definePlugin(), got an object
      Tandem config: random: expected a function returning a number in [0, 1), got 4"
    `);
    expect(await errorsOf({ backend: { url: 42 } })).toMatchInlineSnapshot(
      `"Tandem config: backend: expected a backend adapter, or { url: "wss://…" } or { url: "/path" }, got an object"`,
    );
  });

  it('never echoes more than 40 characters of a given string', async () => {
    expect(await errorsOf({ locale: 'x'.repeat(500) })).toMatchInlineSnapshot(
      `"Tandem config: locale: expected a language tag such as "en" or "fr-CA", got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…""`,
    );
  });

  it('stays inert: no UI, no plugin setup, commands reject with invalid_config', async () => {
    const setup = vi.fn();
    const tandem = createTandem({ zIndex: -1, plugins: [definePlugin({ name: 'Probe', setup })] });
    await expect(tandem.command('Probe.ping')).rejects.toMatchObject({
      code: 'invalid_config',
      problems: [{ path: 'zIndex', expected: 'a whole number >= 0 and <= 2147483647', received: '-1' }],
    });
    expect(vi.mocked(console.error)).toHaveBeenCalledTimes(1);
    vi.mocked(console.error).mockClear();
    expect(setup).not.toHaveBeenCalled();
    expect(document.body.children).toHaveLength(0);
    expect(tandem.on('Tandem.ready', () => undefined)).toBeTypeOf('function');
  });

  it('accepts a complete valid config without a word', () => {
    const result = validate(configSchema, {
      locale: 'fr-CA',
      strings: { fr: { 'launcher.label': 'Aide' } },
      theme: { mode: 'dark', accent: '#123456', accentText: 'rgb(255 255 255)', radius: 8 },
      position: 'bottom-left',
      offset: 24,
      zIndex: 1000,
      nonce: 'abc123',
      launcher: { hidden: false, label: 'Help' },
      channels: { chat: { enabled: true, ewt: { show: true, min: 30, max: 600, whenAbove: 'disable' } } },
    });
    expect(result.ok).toBe(true);
  });

  it('never throws, whatever it is given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withObjectString: true, withNullPrototype: true }), async (input) => {
        const tandem = createTandem(input as never);
        await tandem.command('Any.thing' as never).catch(() => undefined);
        tandem.destroy();
        vi.mocked(console.error).mockClear();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.object({ maxDepth: 4 }), (input) => {
        const result = validate(configSchema, { channels: input, theme: input });
        if (!result.ok) for (const p of result.problems) expect(p.message).toContain(p.path);
      }),
      { numRuns: 300 },
    );
  });
});
