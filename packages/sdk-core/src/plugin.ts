import type { BackendAdapter } from './backend/adapter';
import type { Bus, CommandDefinition, PayloadOf, ResultOf, Unsubscribe } from './bus';
import type { Clock, Random } from './clock';
import type { TandemConfig } from './config/schema';
import type { I18n } from './i18n/i18n';
import type { Storage } from './storage';
import type { UiHost } from './ui/host';

/** Everything a plugin may use. Feature packages meet only through this, never by importing each other. */
export interface PluginContext<Slice = TandemConfig> {
  /** Events of every plugin; commands through bus.command(). */
  readonly bus: Pick<Bus, 'emit' | 'on' | 'off' | 'command'>;
  /** Registers a command in one of the plugin's namespaces; removed when the plugin is torn down. */
  register<K extends string>(name: K, definition: CommandDefinition<PayloadOf<K>, ResultOf<K>>): Unsubscribe;
  readonly config: Slice;
  readonly backend: BackendAdapter | null;
  /** Persists across visits and tabs (localStorage). */
  readonly storage: Storage;
  /** Per tab, across reloads and navigation (sessionStorage): what belongs to this tab's connection. */
  readonly tabStorage: Storage;
  readonly i18n: I18n;
  readonly ui: UiHost;
  readonly clock: Clock;
  readonly random: Random;
}

export type Teardown = () => void;

export interface PluginDefinition<Slice = TandemConfig> {
  /** PascalCase namespace of the plugin's commands and events, e.g. "Chat". */
  readonly name: string;
  /** Further namespaces the plugin owns (a click-to-call plugin also owns "Callback"). */
  readonly namespaces?: readonly string[];
  /** Picks the plugin's slice of the validated config. */
  select?(config: TandemConfig): Slice;
  // biome-ignore lint/suspicious/noConfusingVoidType: setup may return nothing, sync or async
  setup(context: PluginContext<Slice>): void | Teardown | Promise<void | Teardown>;
}

export interface Plugin {
  readonly kind: 'tandem-plugin';
  readonly name: string;
  readonly namespaces: readonly string[];
  /** Present on lazy plugins: loads the real plugin on the first command in its namespaces. */
  readonly load?: () => Promise<Plugin>;
  readonly definition?: PluginDefinition<unknown>;
}

const namePattern = /^[A-Z][A-Za-z0-9]*$/;

function checkNames(names: readonly string[]): void {
  for (const name of names) {
    if (!namePattern.test(name)) throw new TypeError(`Plugin namespace "${name}" must be PascalCase`);
  }
}

export function definePlugin<Slice = TandemConfig>(definition: PluginDefinition<Slice>): Plugin {
  const namespaces = [definition.name, ...(definition.namespaces ?? [])];
  checkNames(namespaces);
  return Object.freeze({
    kind: 'tandem-plugin',
    name: definition.name,
    namespaces,
    definition: definition as PluginDefinition<unknown>,
  });
}

/** A plugin whose code is fetched only when one of its commands is first called (code splitting). */
export function lazyPlugin(
  name: string,
  load: () => Promise<Plugin>,
  namespaces: readonly string[] = [],
): Plugin {
  const all = [name, ...namespaces];
  checkNames(all);
  return Object.freeze({ kind: 'tandem-plugin', name, namespaces: all, load });
}

export function isPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && (value as Plugin).kind === 'tandem-plugin';
}
