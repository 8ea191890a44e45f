import { describe, expect, it } from 'vitest';
import { defangAttributes, defangEvent, defangTree } from '../src/agent/defang';

const defanged = (attributes: Record<string, unknown>) => {
  defangAttributes(attributes);
  return attributes;
};

describe('defangAttributes', () => {
  it('removes every event handler, whatever its case', () => {
    expect(
      defanged({ onclick: 'alert(1)', ONLOAD: 'x()', onMouseOver: 'y()', onerror: '', class: 'c', id: 'i' }),
    ).toEqual({ class: 'c', id: 'i' });
  });

  it('removes script and HTML URLs from every URL attribute', () => {
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'HREF']) {
      for (const url of [
        'javascript:alert(1)',
        'JavaScript:alert(1)',
        '  javascript:alert(1)',
        '\n\tjavascript:alert(1)',
        'vbscript:msgbox(1)',
        'data:text/html,<script>alert(1)</script>',
        'DATA:TEXT/HTML;base64,PHNjcmlwdD4=',
      ])
        expect(defanged({ [name]: url, id: 'k' }), `${name}=${url}`).toEqual({ id: 'k' });
    }
  });

  it('keeps ordinary URLs, data images and the same words in other attributes', () => {
    const attributes = {
      href: 'https://shop.test/javascript:guide',
      src: 'data:image/png;base64,AAAA',
      action: '/checkout',
      poster: '/p.jpg',
      title: 'javascript:alert(1)',
      alt: 'data:text/html,hi',
      'data-x': 'javascript:x',
    };
    expect(defanged({ ...attributes })).toEqual(attributes);
  });

  it('leaves URL attributes that are not strings alone', () => {
    expect(defanged({ href: true, src: null })).toEqual({ href: true, src: null });
  });

  it('removes srcdoc', () => {
    expect(defanged({ srcdoc: '<script>alert(1)</script>', SrcDoc: 'x', src: '/frame.html' })).toEqual({
      src: '/frame.html',
    });
  });
});

describe('defangTree', () => {
  it('turns scripts into empty noscript elements, at any depth', () => {
    const tree = {
      type: 0,
      childNodes: [
        {
          type: 2,
          tagName: 'html',
          attributes: {},
          childNodes: [
            {
              type: 2,
              tagName: 'SCRIPT',
              attributes: { src: '/evil.js', type: 'module', nonce: 'n' },
              childNodes: [{ type: 3, textContent: 'alert(1)' }],
            },
            { type: 2, tagName: 'div', attributes: { onclick: 'x()', class: 'ok' }, childNodes: [] },
          ],
        },
      ],
    };
    defangTree(tree);
    expect(tree.childNodes[0]?.childNodes).toEqual([
      { type: 2, tagName: 'noscript', attributes: {}, childNodes: [] },
      { type: 2, tagName: 'div', attributes: { class: 'ok' }, childNodes: [] },
    ]);
  });

  it('turns an SVG script into noscript too', () => {
    const svg = {
      type: 2,
      tagName: 'svg',
      attributes: { onload: 'x()' },
      childNodes: [{ type: 2, tagName: 'script', attributes: { 'xlink:href': '/a.js' }, childNodes: [] }],
    };
    defangTree(svg);
    expect(svg).toEqual({
      type: 2,
      tagName: 'svg',
      attributes: {},
      childNodes: [{ type: 2, tagName: 'noscript', attributes: {}, childNodes: [] }],
    });
  });

  it('leaves a text node that reads "script" alone', () => {
    const text = { type: 3, tagName: 'script', textContent: 'script' };
    defangTree(text);
    expect(text).toEqual({ type: 3, tagName: 'script', textContent: 'script' });
  });

  it('empties a meta refresh and keeps other meta elements', () => {
    const refresh = {
      type: 2,
      tagName: 'META',
      attributes: { 'http-equiv': 'Refresh', content: '0;url=javascript:alert(1)' },
    };
    const charset = { type: 2, tagName: 'meta', attributes: { charset: 'utf-8' } };
    const csp = {
      type: 2,
      tagName: 'meta',
      attributes: { 'http-equiv': 'content-type', content: 'text/html' },
    };
    const tree = { type: 2, tagName: 'head', attributes: {}, childNodes: [refresh, charset, csp] };
    defangTree(tree);
    expect(refresh.attributes).toEqual({});
    expect(charset.attributes).toEqual({ charset: 'utf-8' });
    expect(csp.attributes).toEqual({ 'http-equiv': 'content-type', content: 'text/html' });
  });

  it('cleans links, frames and forms inside the tree', () => {
    const tree = {
      type: 2,
      tagName: 'body',
      attributes: { onload: 'x()' },
      childNodes: [
        { type: 2, tagName: 'a', attributes: { href: 'javascript:alert(1)' }, childNodes: [] },
        {
          type: 2,
          tagName: 'iframe',
          attributes: { srcdoc: '<b>x</b>', src: 'data:text/html,x' },
          childNodes: [],
        },
        {
          type: 2,
          tagName: 'form',
          attributes: { action: 'javascript:x()' },
          childNodes: [
            { type: 2, tagName: 'button', attributes: { formaction: 'vbscript:x' }, childNodes: [] },
          ],
        },
      ],
    };
    defangTree(tree);
    expect(JSON.stringify(tree)).not.toMatch(/javascript|vbscript|data:text|srcdoc|onload/);
    expect(tree.childNodes.map((child) => child.tagName)).toEqual(['a', 'iframe', 'form']);
  });

  it('copes with nodes lacking attributes or children', () => {
    const tree = {
      type: 2,
      tagName: 'div',
      childNodes: [{ type: 3 }, { type: 2, tagName: 'meta' }, { type: 2, tagName: 'p', childNodes: 'x' }],
    };
    expect(() => defangTree(tree as never)).not.toThrow();
  });
});

describe('defangEvent', () => {
  it('defangs a full snapshot', () => {
    const event = {
      type: 2,
      data: { node: { type: 2, tagName: 'script', attributes: { src: '/x.js' }, childNodes: [] } },
    };
    defangEvent(event);
    expect(event.data.node).toEqual({ type: 2, tagName: 'noscript', attributes: {}, childNodes: [] });
  });

  it('defangs added nodes and attribute changes of a mutation', () => {
    const event = {
      type: 3,
      data: {
        source: 0,
        adds: [
          { node: { type: 2, tagName: 'img', attributes: { src: '/a.png', onerror: 'x()' } } },
          { node: { type: 2, tagName: 'script', attributes: {}, childNodes: [{ type: 3 }] } },
          {},
        ],
        attributes: [{ attributes: { onclick: 'x()', href: 'javascript:y()', class: 'c' } }, {}],
      },
    };
    defangEvent(event);
    expect(event.data.adds).toEqual([
      { node: { type: 2, tagName: 'img', attributes: { src: '/a.png' } } },
      { node: { type: 2, tagName: 'noscript', attributes: {}, childNodes: [] } },
      {},
    ]);
    expect(event.data.attributes).toEqual([{ attributes: { class: 'c' } }, {}]);
  });

  it('leaves events of other kinds alone', () => {
    const input = { type: 3, data: { source: 5, attributes: [{ attributes: { onclick: 'x()' } }] } };
    const meta = { type: 4, data: { node: { type: 2, tagName: 'script', attributes: {} } } };
    const before = structuredClone([input, meta]);
    defangEvent(input);
    defangEvent(meta);
    expect([input, meta]).toEqual(before);
  });
});

describe('what browsers would still run', () => {
  it('catches script URLs hidden by tabs, newlines and leading controls', () => {
    for (const href of [
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:x',
      ' \u0000vbscript:x',
    ]) {
      const attributes: Record<string, unknown> = { href };
      defangAttributes(attributes);
      expect(attributes, JSON.stringify(href)).toEqual({});
    }
  });

  it('removes data: documents of every kind but keeps raster images', () => {
    for (const src of [
      'data: text/html,<b>',
      'data:application/xhtml+xml,x',
      'data:image/svg+xml,<svg onload=x>',
    ]) {
      const attributes: Record<string, unknown> = { src };
      defangAttributes(attributes);
      expect(attributes, src).toEqual({});
    }
    const image: Record<string, unknown> = { src: 'data:image/png;base64,AAAA' };
    defangAttributes(image);
    expect(image).toEqual({ src: 'data:image/png;base64,AAAA' });
  });

  it('skips junk entries instead of throwing', () => {
    const snapshot = {
      type: 2,
      timestamp: 1,
      data: { node: { type: 2, tagName: 'div', childNodes: [null, 3] } },
    };
    expect(() => defangEvent(snapshot as never)).not.toThrow();
    const mutation = {
      type: 3,
      timestamp: 1,
      data: { source: 0, adds: [null, { node: null }], attributes: 'x' },
    };
    expect(() => defangEvent(mutation as never)).not.toThrow();
  });
});
