import { describe, expect, it } from 'vitest';
import { createStorage } from '../src/index';
import { fakeClock, memoryStore } from './fake-clock';

describe('storage', () => {
  it('namespaces and versions keys', () => {
    const backing = memoryStore();
    const storage = createStorage({ clock: fakeClock(), backing });
    storage.set('session', { token: 't' });
    expect(backing.getItem('tandem:v1:session')).toBe('{"d":{"token":"t"}}');
    expect(storage.get('session')).toEqual({ token: 't' });
  });

  it('expires values after their time to live', () => {
    const clock = fakeClock();
    const backing = memoryStore();
    const storage = createStorage({ clock, backing });
    storage.set('draft', 'hello', { ttlMs: 1000 });
    clock.advance(999);
    expect(storage.get('draft')).toBe('hello');
    clock.advance(1);
    expect(storage.get('draft')).toBeUndefined();
    expect(backing.getItem('tandem:v1:draft')).toBeNull();
  });

  it('ignores and purges other versions of its own keys, and leaves the host’s keys alone', () => {
    const backing = memoryStore();
    backing.setItem('tandem:v0:session', '{"d":"old"}');
    backing.setItem('host-key', 'mine');
    const storage = createStorage({ clock: fakeClock(), backing, version: 1 });
    expect(storage.get('session')).toBeUndefined();
    expect(backing.getItem('tandem:v0:session')).toBeNull();
    expect(backing.getItem('host-key')).toBe('mine');
  });

  it('drops corrupt entries and applies the parser', () => {
    const backing = memoryStore();
    backing.setItem('tandem:v1:bad', '{not json');
    backing.setItem('tandem:v1:n', '{"d":"seven"}');
    const storage = createStorage({ clock: fakeClock(), backing });
    expect(storage.get('bad')).toBeUndefined();
    expect(backing.getItem('tandem:v1:bad')).toBeNull();
    expect(storage.get('n', (v) => (typeof v === 'number' ? v : undefined))).toBeUndefined();
  });

  it.each([
    ['access is blocked (private mode)', { access: true }],
    ['reads throw', { get: true }],
    ['writes throw (quota)', { set: true }],
  ])('does not throw when %s, and keeps values in memory', (_label, fail) => {
    const storage = createStorage({ clock: fakeClock(), backing: memoryStore(fail) });
    expect(() => storage.set('a', 1)).not.toThrow();
    expect(storage.get('a')).toBe(1);
    expect(storage.persistent).toBe(false);
    expect(() => storage.remove('a')).not.toThrow();
    expect(storage.get('a')).toBeUndefined();
  });

  it('survives a new instance (a navigation) when persistent', () => {
    const backing = memoryStore();
    createStorage({ clock: fakeClock(), backing }).set('open', true);
    expect(createStorage({ clock: fakeClock(), backing }).get('open')).toBe(true);
  });

  it('uses window.localStorage by default', () => {
    const storage = createStorage({ clock: fakeClock(), namespace: 'tandem-test' });
    storage.set('x', 1);
    expect(localStorage.getItem('tandem-test:v1:x')).toBe('{"d":1}');
    localStorage.clear();
  });
});
