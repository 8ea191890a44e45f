// Finding an element on a page driven over WebDriver (BiDi or classic), where no Playwright locator exists.
// `findElement` runs in the page: it is sent as source text, so it must use nothing from outside itself.

/** An element in the light DOM or in any open shadow root (Tandem's widgets live in one). */
export interface Query {
  /** A CSS selector the element matches. */
  css?: string;
  /** Its ARIA role, explicit or implicit: button, link, heading, textbox, checkbox, radio, dialog… */
  role?: string;
  /** Its accessible name (aria-label, aria-labelledby, its label, or its text): exact, or a pattern. */
  name?: string | RegExp;
  /** Only inside the first element that matches this. */
  within?: Target;
}

/** A CSS selector, or a query by role and name. */
export type Target = string | Query;

/** A query as it travels to the page: patterns as source and flags. */
export interface SentQuery {
  css?: string;
  role?: string;
  name?: { text: string } | { source: string; flags: string };
  within?: SentQuery;
}

export function sendable(target: Target): SentQuery {
  if (typeof target === 'string') return { css: target };
  const { css, role, name, within } = target;
  return {
    ...(css ? { css } : {}),
    ...(role ? { role } : {}),
    ...(name === undefined
      ? {}
      : { name: typeof name === 'string' ? { text: name } : { source: name.source, flags: name.flags } }),
    ...(within ? { within: sendable(within) } : {}),
  };
}

/** How a target reads in an error message. */
export function describeTarget(target: Target): string {
  if (typeof target === 'string') return target;
  const parts = [
    target.role ?? target.css ?? 'element',
    target.name === undefined
      ? ''
      : ` named ${String(typeof target.name === 'string' ? `"${target.name}"` : target.name)}`,
    target.role && target.css ? ` (${target.css})` : '',
    target.within ? ` in ${describeTarget(target.within)}` : '',
  ];
  return parts.join('');
}

/** In the page: the first visible element matching the query, or null. */
export function findElement(query: SentQuery): Element | null {
  const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const roleOf = (element: Element): string => {
    const explicit = element.getAttribute('role')?.split(/\s+/)[0];
    if (explicit) return explicit;
    const tag = element.localName;
    if (tag === 'input') {
      const type = (element.getAttribute('type') ?? 'text').toLowerCase();
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'range') return 'slider';
      if (type === 'number') return 'spinbutton';
      if (type === 'search') return 'searchbox';
      return type === 'hidden' ? '' : 'textbox';
    }
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'a' || tag === 'area') return element.hasAttribute('href') ? 'link' : '';
    if (tag === 'select') return element.hasAttribute('multiple') ? 'listbox' : 'combobox';
    const implicit: Record<string, string> = {
      button: 'button',
      textarea: 'textbox',
      dialog: 'dialog',
      ul: 'list',
      ol: 'list',
      li: 'listitem',
      form: 'form',
      section: 'region',
      nav: 'navigation',
      main: 'main',
      img: 'img',
      option: 'option',
      fieldset: 'group',
    };
    return implicit[tag] ?? '';
  };
  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return squash(label);
    const labelledBy = element.getAttribute('aria-labelledby');
    const root = element.getRootNode() as Document | ShadowRoot;
    if (labelledBy) {
      return squash(
        labelledBy
          .split(/\s+/)
          .map((id) => root.getElementById(id)?.textContent)
          .join(' '),
      );
    }
    const labels = (element as HTMLInputElement).labels;
    if (labels?.length) return squash([...labels].map((each) => each.textContent).join(' '));
    if (element instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(element.type)) {
      return squash(element.value);
    }
    const fromContent = ['button', 'link', 'heading', 'option', 'tab', 'menuitem', 'listitem', 'radio'];
    if (fromContent.includes(roleOf(element))) return squash(element.textContent);
    return squash(
      element.getAttribute('alt') ?? element.getAttribute('title') ?? element.getAttribute('placeholder'),
    );
  };
  const visible = (element: Element) =>
    element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const everything = (root: Element | Document): Element[] => {
    const found: Element[] = [];
    const walk = (node: Element | Document | ShadowRoot) => {
      for (const element of node.querySelectorAll('*')) {
        found.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return found;
  };
  const first = (sent: SentQuery): Element | null => {
    const scope = sent.within ? first(sent.within) : document;
    if (!scope) return null;
    const named = sent.name;
    const pattern = named && 'source' in named ? new RegExp(named.source, named.flags) : undefined;
    return (
      everything(scope).find(
        (element) =>
          (!sent.css || element.matches(sent.css)) &&
          (!sent.role || roleOf(element) === sent.role) &&
          (!named ||
            (pattern
              ? pattern.test(nameOf(element))
              : nameOf(element) === (named as { text: string }).text)) &&
          visible(element),
      ) ?? null
    );
  };
  return first(query);
}
