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
  /** Its text (the innermost element that has it): exact, or a pattern. */
  text?: string | RegExp;
  /** Only inside the first element that matches this. */
  within?: Target;
}

/** A CSS selector, or a query by role and name. */
export type Target = string | Query;

type Sent = { text: string } | { source: string; flags: string };
const sent = (wanted: string | RegExp): Sent =>
  typeof wanted === 'string' ? { text: wanted } : { source: wanted.source, flags: wanted.flags };

/** A query as it travels to the page: patterns as source and flags. */
export interface SentQuery {
  css?: string;
  role?: string;
  name?: Sent;
  text?: Sent;
  within?: SentQuery;
}

export function sendable(target: Target): SentQuery {
  if (typeof target === 'string') return { css: target };
  const { css, role, name, text, within } = target;
  return {
    ...(css ? { css } : {}),
    ...(role ? { role } : {}),
    ...(name === undefined ? {} : { name: sent(name) }),
    ...(text === undefined ? {} : { text: sent(text) }),
    ...(within ? { within: sendable(within) } : {}),
  };
}

/** How a target reads in an error message. */
export function describeTarget(target: Target): string {
  if (typeof target === 'string') return target;
  const parts = [
    target.role ?? target.css ?? 'element',
    target.name === undefined ? '' : ` named ${quoted(target.name)}`,
    target.text === undefined ? '' : ` with text ${quoted(target.text)}`,
    target.role && target.css ? ` (${target.css})` : '',
    target.within ? ` in ${describeTarget(target.within)}` : '',
  ];
  return parts.join('');
}

const quoted = (wanted: string | RegExp) => (typeof wanted === 'string' ? `"${wanted}"` : String(wanted));

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
  const matcher = (wanted: SentQuery['name']) => {
    if (!wanted) return () => true;
    if ('text' in wanted) return (value: string) => value === wanted.text;
    const pattern = new RegExp(wanted.source, wanted.flags);
    return (value: string) => pattern.test(value);
  };
  const first = (query: SentQuery): Element | null => {
    const scope = query.within ? first(query.within) : document;
    if (!scope) return null;
    const [nameMatches, textMatches] = [matcher(query.name), matcher(query.text)];
    const matches = everything(scope).filter(
      (element) =>
        (!query.css || element.matches(query.css)) &&
        (!query.role || roleOf(element) === query.role) &&
        (!query.name || nameMatches(nameOf(element))) &&
        (!query.text || textMatches(squash(element.textContent))) &&
        visible(element),
    );
    // By text, the innermost element that has it, not each of its ancestors.
    const innermost = query.text
      ? matches.filter((element) => !matches.some((other) => other !== element && element.contains(other)))
      : matches;
    return innermost[0] ?? null;
  };
  return first(query);
}

/**
 * In the page: whether a click at the element's centre would reach it now, as Playwright checks before it
 * clicks: enabled, in view (scrolled there if not), not moving over two frames, and on top at that point.
 * Without this, a list that grows while it opens takes the click on another of its entries.
 */
export async function readyToClick(element: Element): Promise<boolean> {
  if (!element.isConnected) return false;
  if ((element as HTMLButtonElement).disabled || element.closest('[aria-disabled="true"]')) return false;
  const frame = () =>
    Promise.race([
      new Promise((resolve) => requestAnimationFrame(resolve)),
      new Promise((resolve) => setTimeout(resolve, 500)),
    ]);
  let before = element.getBoundingClientRect();
  if (before.bottom < 0 || before.top > innerHeight || before.right < 0 || before.left > innerWidth) {
    element.scrollIntoView({ block: 'center', inline: 'center' });
    await frame();
    before = element.getBoundingClientRect();
  }
  await frame();
  await frame();
  const after = element.getBoundingClientRect();
  const moved = ['x', 'y', 'width', 'height'].some((side) => before[side as 'x'] !== after[side as 'x']);
  if (moved) return false;
  const [x, y] = [after.left + after.width / 2, after.top + after.height / 2];
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  for (let node: Node | null = hit; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node === element) return true;
  }
  return false;
}

/** In the page: where it is and what it shows, Tandem's widgets included, for an error message. */
export function describePage(): string {
  const squash = (text: string | null | undefined, length: number) =>
    (text ?? '').replace(/\s+/g, ' ').trim().slice(0, length);
  const lines = [`at ${location.href}`, `page: ${squash(document.body?.textContent, 400)}`];
  for (const host of document.querySelectorAll('[data-tandem-host]')) {
    const root = host.shadowRoot;
    const open = [
      ...(root?.querySelectorAll('[role="dialog"], [role="alertdialog"], [role="region"]') ?? []),
    ];
    const focus = root?.activeElement;
    lines.push(
      `widgets: ${squash(root?.textContent, 600)}`,
      `open: ${open.map((part) => `${part.getAttribute('role')} "${squash(part.textContent, 80)}"`).join(', ') || 'nothing'}`,
      `focus: ${focus ? `<${focus.localName}> ${squash(focus.textContent, 40)}` : 'outside the widgets'}`,
    );
  }
  return lines.join('\n');
}
