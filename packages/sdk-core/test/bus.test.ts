import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { createBus, number } from '../src/index';

describe('bus', () => {
  it('rejects an unknown command with unknown_command and lists the known ones', async () => {
    const bus = createBus();
    bus.register('Demo.open', { run: () => 'opened' });
    await expect(bus.command('Demo.oepn')).rejects.toEqual({
      code: 'unknown_command',
      message: 'Unknown command "Demo.oepn". Known commands: Demo.open.',
    });
    await expect(bus.command('Demo.open')).resolves.toBe('opened');
  });

  it('delivers events until the returned unsubscribe is called', () => {
    const bus = createBus();
    const handler = vi.fn();
    const unsubscribe = bus.on('Test.happened', handler);
    bus.emit('Test.happened', { id: 1 });
    unsubscribe();
    bus.emit('Test.happened', { id: 2 });
    expect(handler.mock.calls).toEqual([[{ id: 1 }]]);
  });

  it('off() removes a handler, and subscribing the same handler twice delivers once', () => {
    const bus = createBus();
    const handler = vi.fn();
    bus.on('X.happened', handler);
    bus.on('X.happened', handler);
    bus.emit('X.happened', 1);
    bus.off('X.happened', handler);
    bus.emit('X.happened', 2);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to other subscribers when one throws', () => {
    const onHandlerError = vi.fn();
    const bus = createBus({ onHandlerError });
    const after = vi.fn();
    bus.on('X.happened', () => {
      throw new Error('host bug');
    });
    bus.on('X.happened', after);
    expect(() => bus.emit('X.happened', 1)).not.toThrow();
    expect(after).toHaveBeenCalledWith(1);
    expect(onHandlerError).toHaveBeenCalledWith('X.happened', expect.any(Error));
  });

  it('validates payloads and names the field in invalid_argument', async () => {
    const bus = createBus();
    bus.register('Demo.open', { schema: z.object({ delay: number({ min: 0 }) }), run: (p) => p });
    await expect(bus.command('Demo.open', { delay: -5 })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'Demo.open: delay: expected a number >= 0, got -5',
    });
  });

  it('turns anything a command throws into {code, message}', async () => {
    const bus = createBus();
    bus.register('Demo.open', {
      run: () => {
        throw new Error('socket closed');
      },
    });
    await expect(bus.command('Demo.open')).rejects.toEqual({ code: 'internal', message: 'socket closed' });
  });

  it('refuses command names that are not Plugin.verb, and duplicates', () => {
    const bus = createBus();
    expect(() => bus.register('open', { run: () => 1 })).toThrow(/Plugin\.verb/);
    expect(() => bus.register('chat.open', { run: () => 1 })).toThrow(/Plugin\.verb/);
    bus.register('Demo.open', { run: () => 1 });
    expect(() => bus.register('Demo.open', { run: () => 2 })).toThrow(/already/);
  });

  it('asks resolveMissing for unregistered commands (lazy plugins)', async () => {
    const bus = createBus({
      resolveMissing: async (name) => {
        bus.register(name, { run: () => `loaded ${name}` });
        return true;
      },
    });
    await expect(bus.command('Demo.open')).resolves.toBe('loaded Demo.open');
  });
});
