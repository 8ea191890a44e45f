import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, createUiHost } from '../src/index';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('UI host', () => {
  it('creates nothing until a plugin asks for a slot (headless use adds no DOM)', () => {
    createUiHost({ config: {}, i18n: createI18n({ locale: 'en' }) });
    expect(document.body.children).toHaveLength(0);
  });

  it('appends one shadow root to body, pinned in place, taking no space', () => {
    const ui = createUiHost({ config: { zIndex: 1234 }, i18n: createI18n({ locale: 'en' }) });
    ui.mount('a');
    ui.mount('b');
    const hosts = document.querySelectorAll<HTMLElement>('[data-tandem-host]');
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).toBe(ui.root);
    expect(host.style.getPropertyValue('width')).toBe('0px');
    expect(host.style.getPropertyValue('height')).toBe('0px');
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyPriority('position')).toBe('important');
    expect(host.style.getPropertyValue('z-index')).toBe('1234');
    expect(ui.root?.querySelectorAll('[data-slot]')).toHaveLength(2);
  });

  it('applies direction, language, theme, position and validated tokens', () => {
    const ui = createUiHost({
      config: { theme: { mode: 'dark', accent: '#112233', radius: 4 }, position: 'bottom-left' },
      i18n: createI18n({ locale: 'ar' }),
    });
    const container = ui.mount('x')?.parentElement;
    expect(container?.getAttribute('dir')).toBe('rtl');
    expect(container?.getAttribute('lang')).toBe('ar');
    expect(container?.getAttribute('data-theme')).toBe('dark');
    expect(container?.getAttribute('data-position')).toBe('bottom-left');
    expect(container?.style.getPropertyValue('--tandem-accent')).toBe('#112233');
    expect(container?.style.getPropertyValue('--tandem-radius')).toBe('4px');
  });

  it('styles through constructable stylesheets, none in the document', () => {
    const ui = createUiHost({ config: {}, i18n: createI18n({ locale: 'en' }) });
    ui.addStyles('.x { color: red }');
    ui.mount('x');
    ui.addStyles('.y { color: blue }');
    ui.addStyles('.y { color: blue }');
    expect(ui.root?.adoptedStyleSheets).toHaveLength(3);
    expect(ui.root?.querySelector('style')).toBeNull();
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('falls back to <style nonce> where constructable stylesheets are missing', () => {
    const view = document.defaultView!;
    const original = Object.getOwnPropertyDescriptor(view, 'CSSStyleSheet');
    // Simulates a browser without constructable stylesheets.
    Object.defineProperty(view, 'CSSStyleSheet', { value: undefined, configurable: true });
    try {
      const ui = createUiHost({ config: { nonce: 'n0nce' }, i18n: createI18n({ locale: 'en' }) });
      ui.addStyles('.x { color: red }');
      ui.mount('x');
      const styles = ui.root?.querySelectorAll('style') ?? [];
      expect(styles).toHaveLength(2);
      for (const style of styles) expect(style.getAttribute('nonce')).toBe('n0nce');
    } finally {
      if (original) Object.defineProperty(view, 'CSSStyleSheet', original);
    }
  });

  it('removes everything on destroy', () => {
    const ui = createUiHost({ config: {}, i18n: createI18n({ locale: 'en' }) });
    ui.mount('x');
    ui.destroy();
    expect(document.querySelector('[data-tandem-host]')).toBeNull();
  });
});
