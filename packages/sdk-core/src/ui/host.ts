import type { TandemConfig } from '../config/schema';
import { getDocument } from '../globals';
import type { I18n } from '../i18n/i18n';
import { baseStyles } from './base-styles';

export interface UiHost {
  /** The shadow root, created on first use; null where there is no DOM (Node, SSR, headless). */
  readonly root: ShadowRoot | null;
  /** A container for one plugin's UI inside the shadow root, created once per name. */
  mount(name: string): HTMLElement | null;
  unmount(name: string): void;
  /** Adds CSS scoped to the shadow root: constructable stylesheets, else a <style nonce> element. */
  addStyles(css: string): void;
  destroy(): void;
}

export const defaultZIndex = 2147483000;

// The host element takes no space and catches no clicks; every property is pinned inline with !important,
// which outranks any rule of the host page, so host CSS cannot hide, move or restyle it.
const hostStyle: ReadonlyArray<readonly [string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0px'],
  ['left', '0px'],
  ['width', '0px'],
  ['height', '0px'],
  ['overflow', 'visible'],
  ['direction', 'ltr'],
  ['unicode-bidi', 'normal'],
  ['contain', 'style'],
];

export function createUiHost(options: { config: TandemConfig; i18n: I18n }): UiHost {
  const { config, i18n } = options;
  let hostElement: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let container: HTMLElement | null = null;
  const slots = new Map<string, HTMLElement>();
  const addedCss = new Set<string>();

  function ensure(): ShadowRoot | null {
    if (shadow) return shadow;
    const doc = getDocument();
    if (!doc?.body) return null;
    hostElement = doc.createElement('div');
    hostElement.setAttribute('data-tandem-host', '');
    for (const [property, value] of hostStyle) hostElement.style.setProperty(property, value, 'important');
    hostElement.style.setProperty('z-index', String(config.zIndex ?? defaultZIndex), 'important');
    shadow = hostElement.attachShadow({ mode: 'open' });
    container = doc.createElement('div');
    container.className = 'tandem';
    container.setAttribute('dir', i18n.dir);
    container.setAttribute('lang', i18n.locale);
    container.setAttribute('data-theme', config.theme?.mode ?? 'auto');
    container.setAttribute('data-position', config.position ?? 'bottom-right');
    applyTokens(container, config);
    shadow.append(container);
    insertStyles(shadow, baseStyles, config.nonce);
    for (const css of addedCss) insertStyles(shadow, css, config.nonce);
    doc.body.append(hostElement);
    return shadow;
  }

  return {
    get root() {
      return ensure();
    },
    mount(name) {
      const existing = slots.get(name);
      if (existing) return existing;
      if (!ensure() || !container) return null;
      const slot = container.ownerDocument.createElement('div');
      slot.setAttribute('data-slot', name);
      container.append(slot);
      slots.set(name, slot);
      return slot;
    },
    unmount(name) {
      slots.get(name)?.remove();
      slots.delete(name);
    },
    addStyles(css) {
      if (addedCss.has(css)) return;
      addedCss.add(css);
      if (shadow) insertStyles(shadow, css, config.nonce);
    },
    destroy() {
      hostElement?.remove();
      hostElement = shadow = container = null;
      slots.clear();
    },
  };
}

function applyTokens(container: HTMLElement, config: TandemConfig): void {
  const theme = config.theme ?? {};
  // Values were validated as plain colours and numbers by the config schema.
  if (theme.accent) container.style.setProperty('--tandem-accent', theme.accent);
  if (theme.accent) container.style.setProperty('--tandem-focus', theme.accent);
  if (theme.accentText) container.style.setProperty('--tandem-accent-text', theme.accentText);
  if (theme.radius !== undefined) container.style.setProperty('--tandem-radius', `${theme.radius}px`);
  if (config.offset !== undefined) container.style.setProperty('--tandem-offset', `${config.offset}px`);
}

function insertStyles(shadow: ShadowRoot, css: string, nonce: string | undefined): void {
  const Sheet = shadow.ownerDocument.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in shadow && 'replaceSync' in Sheet.prototype) {
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  const style = shadow.ownerDocument.createElement('style');
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = css;
  shadow.append(style);
}
