import { getNavigatorLanguage } from '../globals';
import { coreStrings } from './core-strings';

export type StringTable = Readonly<Record<string, string>>;
/** Tables by locale: { en: {...}, fr: {...} }. */
export type LocaleTables = Readonly<Record<string, StringTable>>;
export type Direction = 'ltr' | 'rtl';
/** Tables fetched only when the active locale needs them: { fr: () => import('./strings-fr') }. */
export type LocaleLoaders = Readonly<Record<string, () => Promise<{ readonly default: StringTable }>>>;

export interface I18n {
  readonly locale: string;
  readonly dir: Direction;
  /** The string for key in the active locale, with {name} placeholders filled; the key itself if none. */
  t(key: string, values?: Readonly<Record<string, string | number>>): string;
  /** Adds a plugin's tables; config overrides still win. */
  add(tables: LocaleTables): void;
  /** Fetches the tables of the active locale's fallback chain that are not English (English ships eagerly). */
  load(loaders: LocaleLoaders): Promise<void>;
}

export const defaultLocale = 'en';
const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** fr-CA → fr-ca, fr, en: the most specific first, English last. */
export function fallbackChain(locale: string): string[] {
  const parts = locale.toLowerCase().split('-');
  const chain: string[] = [];
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('-'));
  if (!chain.includes(defaultLocale)) chain.push(defaultLocale);
  return chain;
}

export function directionOf(locale: string): Direction {
  const language = locale.toLowerCase().split('-')[0] ?? '';
  return rtlLanguages.has(language) ? 'rtl' : 'ltr';
}

/**
 * A language tag every Intl API accepts, from whatever the browser or the config says: POSIX forms
 * ("en_US.UTF-8") become BCP 47, and anything Intl refuses ("C", "POSIX", "") becomes English.
 */
export function usableLocale(raw: string | undefined): string {
  const candidate = (raw ?? '').replace(/[.@].*$/, '').replace(/_/g, '-');
  try {
    const [canonical] = Intl.getCanonicalLocales(candidate);
    // "c" and "posix" are well-formed tags that no Intl data knows: they name no language.
    if (canonical && !/^(c|posix)$/i.test(canonical)) return canonical;
  } catch {
    // Not a language tag at all.
  }
  return defaultLocale;
}

export function createI18n(options: { locale?: string; overrides?: LocaleTables } = {}): I18n {
  const locale = usableLocale(options.locale ?? getNavigatorLanguage());
  const chain = fallbackChain(locale);
  const tables = new Map<string, Record<string, string>>();
  const overrides = lowerKeys(options.overrides ?? {});

  function add(more: LocaleTables): void {
    for (const [tag, table] of Object.entries(more)) {
      const key = tag.toLowerCase();
      tables.set(key, { ...tables.get(key), ...table });
    }
  }
  add(coreStrings);

  function lookup(key: string): string | undefined {
    for (const tag of chain) {
      const value = overrides[tag]?.[key] ?? tables.get(tag)?.[key];
      if (value !== undefined) return value;
    }
    return undefined;
  }

  return {
    locale,
    dir: directionOf(locale),
    add,
    async load(loaders) {
      const needed = chain.filter((tag) => tag !== defaultLocale && Object.hasOwn(loaders, tag));
      const tables = await Promise.all(
        needed.map((tag) => loaders[tag]?.().then((m) => [tag, m.default] as const)),
      );
      for (const entry of tables) if (entry) add({ [entry[0]]: entry[1] });
    },
    t(key, values) {
      const template = lookup(key) ?? key;
      if (!values) return template;
      return template.replace(/\{(\w+)\}/g, (match, name: string) =>
        name in values ? String(values[name]) : match,
      );
    },
  };
}

function lowerKeys(tables: LocaleTables): Record<string, StringTable> {
  const out: Record<string, StringTable> = {};
  for (const [tag, table] of Object.entries(tables)) out[tag.toLowerCase()] = table;
  return out;
}
