/** DOM restriction lists for one page: CSS selectors, each list joined into one selector. */
export interface Restrictions {
  readonly mask: string;
  readonly hide: string;
  readonly readonly: string;
  /** Privacy by default: everything is masked but what `unmask` reveals. */
  readonly maskAll?: boolean;
  readonly unmask?: string;
}

/** A rule of `config.cobrowse.restrictions`: selectors that apply on the pages its URL patterns match. */
export interface RestrictionRule {
  readonly urls?: readonly string[];
  readonly mask?: readonly string[];
  readonly hide?: readonly string[];
  readonly readonly?: readonly string[];
  /** With `privacy: "mask-all"`: what the agent may read. */
  readonly unmask?: readonly string[];
}

/** `standard` masks what the lists name; `mask-all` masks all text and every field but what is unmasked. */
export const Privacy = { standard: 'standard', maskAll: 'mask-all' } as const;
export type Privacy = (typeof Privacy)[keyof typeof Privacy];

// Field names of autocomplete that are secrets: payment cards, one-time codes, passwords.
const secretAutocomplete = [
  'cc-name',
  'cc-given-name',
  'cc-additional-name',
  'cc-family-name',
  'cc-number',
  'cc-exp',
  'cc-exp-month',
  'cc-exp-year',
  'cc-csc',
  'cc-type',
  'one-time-code',
  'current-password',
  'new-password',
];

// DESIGN.md's defaults: secrets by type or autocomplete are masked, submit controls readonly.
export const defaultMask = [
  '[data-tandem-mask]',
  'input[type="password" i]',
  'input[type="hidden" i]',
  // autocomplete is a list of tokens ("section-pay billing cc-number"): each secret name matches as a token.
  ...secretAutocomplete.map((name) => `[autocomplete~="${name}" i]`),
  // A password the page made visible (type switched to text) before the session began: named as one.
  'input[name*="password" i]',
  'input[id*="password" i]',
  'input[name*="passwd" i]',
];
export const defaultHide = ['[data-tandem-hide]'];
// Under mask-all, the site's own stylesheets in the head stay whole: they are its design, the same for every visitor.
export const defaultUnmask = ['[data-tandem-unmask]', 'head > style', 'head > link[rel~="stylesheet" i]'];
export const defaultReadonly = [
  '[data-tandem-readonly]',
  'button:not([type])',
  '[type="submit" i]',
  'input[type="image" i]',
];

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * `*` matches any run of characters. A pattern that starts with `/` is matched against the path (with
 * its query), any other against the whole address.
 */
export function urlMatches(pattern: string, href: string): boolean {
  let target = href;
  if (pattern.startsWith('/')) {
    try {
      const url = new URL(href);
      target = url.pathname + url.search;
    } catch {
      return false;
    }
  }
  const source = pattern.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}$`).test(target);
}

/** The restrictions in force on a page: the defaults plus every rule whose URL patterns match it. */
export function restrictionsFor(
  href: string,
  rules: readonly RestrictionRule[] = [],
  privacy: Privacy = Privacy.standard,
): Restrictions {
  const mask = [...defaultMask];
  const hide = [...defaultHide];
  const readonly = [...defaultReadonly];
  const unmask = [...defaultUnmask];
  for (const rule of rules) {
    if (rule.urls && !rule.urls.some((pattern) => urlMatches(pattern, href))) continue;
    mask.push(...(rule.mask ?? []));
    hide.push(...(rule.hide ?? []));
    readonly.push(...(rule.readonly ?? []));
    unmask.push(...(rule.unmask ?? []));
  }
  const lists = { mask: mask.join(','), hide: hide.join(','), readonly: readonly.join(',') };
  return privacy === Privacy.maskAll ? { ...lists, maskAll: true, unmask: unmask.join(',') } : lists;
}

export const Level = { none: 0, mask: 1, hide: 2 } as const;
export type Level = (typeof Level)[keyof typeof Level];

/**
 * The parent in the composed tree: a slotted node's slot (it shows there, inside the shadow root), a
 * shadow root's host, and out of same-origin frames. The slot's way still ends at the host.
 */
export function composedParent(node: Node): Element | null {
  const slot = (node as Partial<Slottable>).assignedSlot;
  if (slot) return slot;
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode as (Node & { host?: Element }) | null;
  if (parent?.host) return parent.host;
  try {
    return (node.ownerDocument?.defaultView?.frameElement as Element | null) ?? null;
  } catch {
    return null;
  }
}

/**
 * Where a node stands: the strictest level its lists give it and its composed ancestors, and whether one
 * of them is unmasked (under mask-all, what is not is masked).
 */
export interface Scope {
  readonly level: Level;
  readonly revealed: boolean;
}

/**
 * Decides what may leave the browser for each node. Masked and hidden apply to an element and everything
 * inside it; a password field stays masked after it is switched to text. Under mask-all everything is
 * masked but what an unmasked element holds; what the lists mask or hide stays so inside it.
 */
export function createRestrictionCheck(restrictions: Restrictions) {
  const wasPassword = new WeakSet<Element>();
  const maskAll = restrictions.maskAll === true;
  const unmask = restrictions.unmask ?? '';

  /** The element's own level, not counting its ancestors. */
  function own(element: Element): Level {
    if (element.matches(restrictions.hide)) return Level.hide;
    if (element.localName === 'input' && (element as HTMLInputElement).type === 'password')
      wasPassword.add(element);
    if (wasPassword.has(element) || element.matches(restrictions.mask)) return Level.mask;
    return Level.none;
  }

  /** Unmasked by its own tag or selector (only under mask-all). */
  const reveals = (element: Element): boolean => maskAll && element.matches(unmask);

  /** A level under mask-all: nothing the lists name and nothing unmasked around it is still masked. */
  const effective = (level: Level, revealed: boolean): Level =>
    level === Level.none && maskAll && !revealed ? Level.mask : level;

  /** The lists' level of a node with its ancestors (the strictest wins), and whether one reveals it. */
  function scope(node: Node): Scope {
    let level: Level = Level.none;
    let revealed = !maskAll;
    for (let element = node.nodeType === 1 ? (node as Element) : composedParent(node); element; ) {
      const found = own(element);
      if (found === Level.hide) return { level: found, revealed };
      if (found > level) level = found;
      revealed ||= reveals(element);
      element = composedParent(element);
    }
    // A document's own adopted sheets are the site's design, as its head's stylesheets are.
    return { level, revealed: revealed || node.nodeType === 9 };
  }

  /** The level of a node: what its lists and ancestors give it, or masked under mask-all. */
  function of(node: Node): Level {
    const { level, revealed } = scope(node);
    return effective(level, revealed);
  }

  /** Readonly (or masked or hidden, which imply it): the agent may not act on it. */
  function isReadonly(node: Node): boolean {
    let revealed = !maskAll;
    for (let element = node.nodeType === 1 ? (node as Element) : composedParent(node); element; ) {
      if (element.matches(restrictions.readonly) || own(element) !== Level.none) return true;
      revealed ||= reveals(element);
      element = composedParent(element);
    }
    return !revealed;
  }

  /**
   * `own` for a whole document at once, for full snapshots: one native query per list instead of a match
   * per element. Only for elements of `doc` itself: not inside shadow roots, which queries do not enter.
   */
  function inDocument(doc: Document): ElementRules {
    const hidden = new Set(doc.querySelectorAll(restrictions.hide));
    const masked = new Set(doc.querySelectorAll(restrictions.mask));
    const unmasked = new Set(maskAll ? doc.querySelectorAll(unmask) : []);
    for (const input of doc.querySelectorAll('input[type="password" i]')) wasPassword.add(input);
    const mine = (element: Element) => element.ownerDocument === doc;
    return {
      own: (element) =>
        !mine(element)
          ? own(element)
          : hidden.has(element)
            ? Level.hide
            : masked.has(element) || wasPassword.has(element)
              ? Level.mask
              : Level.none,
      reveals: (element) => (mine(element) ? unmasked.has(element) : reveals(element)),
    };
  }

  return { own, reveals, of, scope, effective, isReadonly, inDocument, maskAll, restrictions };
}

/** An element's own restriction, by its own tags and selectors alone. */
export interface ElementRules {
  own(element: Element): Level;
  reveals(element: Element): boolean;
}

export type RestrictionCheck = ReturnType<typeof createRestrictionCheck>;
