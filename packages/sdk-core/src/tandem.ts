import * as z from 'zod/mini';
import type { BackendAdapter } from './backend/adapter';
import { capabilitiesFor, offers } from './backend/capabilities';
import { lazyBackend } from './backend/lazy-backend';
import { type Bus, createBus, type Unsubscribe } from './bus';
import { type Clock, type Random, systemClock, systemRandom } from './clock';
import { configSchema, isBackendAdapter, type TandemConfig } from './config/schema';
import { ErrorCode, formatProblems, type TandemError, tandemError } from './errors';
import { coreLocales } from './i18n/core-strings';
import { createI18n } from './i18n/i18n';
import { isPlugin, type Plugin, type PluginContext, type Teardown } from './plugin';
import { createStorage, type Storage } from './storage';
import { createUiHost } from './ui/host';

export interface TandemOptions extends Partial<Omit<TandemConfig, 'backend'>> {
  /** An adapter, or { url } for protocol v1 over WebSocket (its code then loads on first use). */
  backend?: BackendAdapter | { url: string };
  plugins?: readonly Plugin[];
  /** Injected for deterministic tests; defaults to the system clock and Math.random. */
  clock?: Clock;
  random?: Random;
  /** Replaces window.localStorage (tests, or a host with its own store). */
  storage?: globalThis.Storage;
}

export interface Tandem {
  command: Bus['command'];
  on: Bus['on'];
  off: Bus['off'];
  destroy(): void;
}

/**
 * Creates a Tandem instance. Never throws: invalid config is reported once on the console, naming each
 * field, and the instance stays inert (commands reject with invalid_config).
 */
export function createTandem(options: TandemOptions = {}): Tandem {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return refuse(options);
  const { plugins = [], clock = systemClock, random = systemRandom, storage: backing, ...raw } = options;
  const result = z.safeParse(configSchema, raw);
  if (!result.success || !isPluginList(plugins) || !isClock(clock) || typeof random !== 'function') {
    return refuse(options);
  }
  return startKernel(result.data, plugins, clock, random, backing);
}

function startKernel(
  config: TandemConfig,
  plugins: readonly Plugin[],
  clock: Clock,
  random: Random,
  backing: globalThis.Storage | undefined,
): Tandem {
  const bus = createBus({ resolveMissing: (name) => loadLazy(name), onHandlerError: reportHandlerError });
  const i18n = createI18n({ locale: config.locale, overrides: config.strings });
  const storage = createStorage({ clock, backing });
  const ui = createUiHost({ config, i18n });
  const teardowns: Teardown[] = [];
  const pendingLazy = new Map<string, Promise<boolean>>();
  let destroyed = false;

  const byNamespace = new Map<string, Plugin>();
  for (const plugin of plugins) for (const ns of plugin.namespaces) byNamespace.set(ns, plugin);

  // Per tab, so that a reload or a navigation resumes the same session (tabs share it in a later step).
  const tabStorage = createStorage({ clock, area: 'session', ...(backing ? { backing } : {}) });
  const backend = resolveBackend(config.backend, tabStorage, storage);
  // A feature the backend leaves out is refused by name, before its plugin's code would load.
  const command = ((name: string, payload?: unknown) => {
    const needed = capabilitiesFor(name);
    if (backend && needed && !needed.some((feature) => offers(backend, feature))) {
      return Promise.reject(
        tandemError(
          ErrorCode.Unsupported,
          `${name}: this site's backend does not offer ${needed.join(' or ')}.`,
        ),
      );
    }
    return bus.command(name, payload as never);
  }) as Bus['command'];
  const shared = {
    bus,
    backend,
    storage,
    tabStorage,
    i18n,
    ui,
    clock,
    random,
  };

  async function setup(plugin: Plugin): Promise<void> {
    const definition = plugin.definition;
    if (!definition || destroyed) return;
    const removals: Unsubscribe[] = [];
    const context: PluginContext<unknown> = {
      ...shared,
      bus: { emit: bus.emit, on: bus.on, off: bus.off, command },
      config: definition.select ? definition.select(config) : config,
      register(name, command) {
        const namespace = name.split('.')[0] ?? '';
        if (!plugin.namespaces.includes(namespace)) {
          throw new TypeError(`Plugin ${plugin.name} cannot register "${name}" outside its namespaces`);
        }
        const remove = bus.register(name, command as never);
        removals.push(remove);
        return remove;
      },
    };
    try {
      const teardown = await definition.setup(context);
      teardowns.push(() => {
        for (const remove of removals) remove();
        if (typeof teardown === 'function') teardown();
      });
    } catch (error) {
      for (const remove of removals) remove();
      console.error(`Tandem: the ${plugin.name} plugin failed to start and is disabled:`, error);
    }
  }

  function loadLazy(command: string): Promise<boolean> {
    const plugin = byNamespace.get(command.split('.')[0] ?? '');
    if (!plugin?.load || destroyed) return Promise.resolve(false);
    let pending = pendingLazy.get(plugin.name);
    if (!pending) {
      pending = plugin
        .load()
        .then(async (loaded) => {
          await setup(loaded);
          return true;
        })
        .catch((error: unknown) => {
          pendingLazy.delete(plugin.name);
          throw tandemError(
            ErrorCode.LoadFailed,
            `Could not load the ${plugin.name} feature: ${describe(error)}`,
          );
        });
      pendingLazy.set(plugin.name, pending);
    }
    return pending;
  }

  const ready = (async () => {
    await i18n.load(coreLocales).catch(() => undefined); // English is the fallback if it cannot load
    for (const plugin of plugins) if (!plugin.load) await setup(plugin);
    if (!destroyed) bus.emit('Tandem.ready', undefined);
  })();

  return {
    async command(name: string, payload?: unknown) {
      await ready;
      if (destroyed) throw destroyedError();
      return command(name, payload as never);
    },
    on: bus.on,
    off: bus.off,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const teardown of teardowns.reverse()) {
        try {
          teardown();
        } catch (error) {
          console.error('Tandem: a plugin failed to tear down:', error);
        }
      }
      bus.clear();
      ui.destroy();
    },
  } as Tandem;
}

function resolveBackend(
  backend: TandemConfig['backend'],
  storage: Storage,
  sharedStorage: Storage,
): BackendAdapter | null {
  if (!backend) return null;
  if (isBackendAdapter(backend)) return backend;
  // A dynamic import: bundlers split the WebSocket client out of the launcher's code.
  return lazyBackend(() =>
    import('./client/protocol-backend').then((m) =>
      m.websocket({ url: backend.url, storage, sharedStorage }),
    ),
  );
}

/**
 * Reports every problem once and returns an instance that does nothing but explain why. The wording loads
 * only now, so a correct page never downloads it.
 */
function refuse(options: unknown): Tandem {
  const reason = import('./config/explain').then(({ explainOptions }) => {
    const problems = explainOptions(options);
    const message = formatProblems('Tandem config', problems);
    console.error(message);
    return tandemError(ErrorCode.InvalidConfig, message, problems);
  });
  reason.catch(() => undefined);
  return {
    command: (() => reason.then((error) => Promise.reject(error))) as Tandem['command'],
    on: (() => () => undefined) as Tandem['on'],
    off: () => undefined,
    destroy: () => undefined,
  };
}

function isPluginList(plugins: unknown): plugins is readonly Plugin[] {
  return Array.isArray(plugins) && plugins.every(isPlugin);
}

function isClock(clock: unknown): clock is Clock {
  const c = clock as Partial<Clock> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.now === 'function' && typeof c.setTimeout === 'function'
  );
}

function destroyedError(): TandemError {
  return tandemError(ErrorCode.Destroyed, 'This Tandem instance was destroyed.');
}

function reportHandlerError(name: string, error: unknown): void {
  console.error(`Tandem: a subscriber to "${name}" threw:`, error);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
