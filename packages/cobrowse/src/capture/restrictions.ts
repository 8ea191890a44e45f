/** DOM restriction lists for one page: CSS selectors, each list joined into one selector. */
export interface Restrictions {
  readonly mask: string;
  readonly hide: string;
  readonly readonly: string;
}

/** A rule of `config.cobrowse.restrictions`: selectors that apply on the pages its URL patterns match. */
export interface RestrictionRule {
  readonly urls?: readonly string[];
  readonly mask?: readonly string[];
  readonly hide?: readonly string[];
  readonly readonly?: readonly string[];
}

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
export function restrictionsFor(href: string, rules: readonly RestrictionRule[] = []): Restrictions {
  const mask = [...defaultMask];
  const hide = [...defaultHide];
  const readonly = [...defaultReadonly];
  for (const rule of rules) {
    if (rule.urls && !rule.urls.some((pattern) => urlMatches(pattern, href))) continue;
    mask.push(...(rule.mask ?? []));
    hide.push(...(rule.hide ?? []));
    readonly.push(...(rule.readonly ?? []));
  }
  return { mask: mask.join(','), hide: hide.join(','), readonly: readonly.join(',') };
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
 * Decides what may leave the browser for each node. Masked and hidden apply to an element and everything
 * inside it; a password field stays masked after it is switched to text.
 */
export function createRestrictionCheck(restrictions: Restrictions) {
  const wasPassword = new WeakSet<Element>();

  /** The element's own level, not counting its ancestors. */
  function own(element: Element): Level {
    if (element.matches(restrictions.hide)) return Level.hide;
    if (element.localName === 'input' && (element as HTMLInputElement).type === 'password')
      wasPassword.add(element);
    if (wasPassword.has(element) || element.matches(restrictions.mask)) return Level.mask;
    return Level.none;
  }

  /** The level of a node with its ancestors: the strictest wins. */
  function of(node: Node): Level {
    let level: Level = Level.none;
    for (let element = node.nodeType === 1 ? (node as Element) : composedParent(node); element; ) {
      const found = own(element);
      if (found === Level.hide) return found;
      if (found > level) level = found;
      element = composedParent(element);
    }
    return level;
  }

  /** Readonly (or masked or hidden, which imply it): the agent may not act on it. */
  function isReadonly(node: Node): boolean {
    for (let element = node.nodeType === 1 ? (node as Element) : composedParent(node); element; ) {
      if (element.matches(restrictions.readonly) || own(element) !== Level.none) return true;
      element = composedParent(element);
    }
    return false;
  }

  /**
   * `own` for a whole document at once, for full snapshots: one native query per list instead of a match
   * per element. Only for elements of `doc` itself: not inside shadow roots, which queries do not enter.
   */
  function inDocument(doc: Document): (element: Element) => Level {
    const hidden = new Set(doc.querySelectorAll(restrictions.hide));
    const masked = new Set(doc.querySelectorAll(restrictions.mask));
    for (const input of doc.querySelectorAll('input[type="password" i]')) wasPassword.add(input);
    return (element) =>
      element.ownerDocument !== doc
        ? own(element)
        : hidden.has(element)
          ? Level.hide
          : masked.has(element) || wasPassword.has(element)
            ? Level.mask
            : Level.none;
  }

  return { own, of, isReadonly, inDocument, restrictions };
}

export type RestrictionCheck = ReturnType<typeof createRestrictionCheck>;
