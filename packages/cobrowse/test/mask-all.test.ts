import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRestrictionCheck, Level, restrictionsFor } from '../src/capture/restrictions';
import { maskText } from '../src/capture/sanitize';
import { setup as control, page } from './executor-harness';
import { input, mutation, setup, styleEvent, texts } from './sanitize-harness';

// Privacy by default (issue 17): everything masked but what the site unmasks.
afterEach(() => {
  document.head.innerHTML = '';
});

const maskAll = (html: string, rules: Parameters<typeof setup>[1] = []) => setup(html, rules, 'mask-all');

describe('mask-all: what the agent sees of a page nobody unmasked', () => {
  it('masks every text, every value and every content attribute, and keeps the layout', () => {
    const ctx = maskAll(`
      <main class="shop" style="width: 40px">
        <h1 id="h" title="Ada's orders">Orders of Ada Lovelace</h1>
        <img id="img" alt="Ada's face" src="/ada.png?email=ada@example.com" width="20">
        <input id="q" name="q" placeholder="ada@example.com" aria-label="Find Ada" value="Ada">
        <select id="s"><option selected>Lovelace</option></select>
        <textarea id="t">My address is 1 Main St</textarea>
      </main>`);
    const sent = ctx.sanitize(ctx.snapshot());
    const json = JSON.stringify(sent);
    for (const secret of ['Ada', 'Lovelace', 'ada@example.com', 'Main St', 'email='])
      expect(json, secret).not.toContain(secret);
    expect(texts(ctx.find(sent?.data.node, '#h'))).toEqual([maskText]);
    expect(ctx.find(sent?.data.node, 'main')?.attributes).toEqual({ class: 'shop', style: 'width: 40px' });
    expect(ctx.find(sent?.data.node, '#img')?.attributes).toEqual({
      id: 'img',
      src: '/ada.png',
      width: '20',
    });
    expect(ctx.find(sent?.data.node, '#q')?.attributes).toEqual({ id: 'q', name: 'q', value: maskText });
  });

  it('masks the title and meta of the head, and keeps the site’s own stylesheets whole', () => {
    document.head.innerHTML = `
      <title>Reset password for ada@example.com</title>
      <meta name="customer" content="ada@example.com">
      <base href="/shop/?session=s3cr3t">
      <style id="css">.logo { background: url(/logo.png); } .tag::after { content: "New"; }</style>
      <link id="sheet" rel="stylesheet" href="/site.css?v=3">`;
    const ctx = maskAll('<p>Hi</p>');
    const sent = ctx.sanitize(ctx.snapshot());
    const json = JSON.stringify(sent);
    for (const secret of ['ada@example.com', 's3cr3t', 'Reset password']) expect(json).not.toContain(secret);
    expect(texts(ctx.find(sent?.data.node, 'title'))).toEqual([maskText]);
    expect(ctx.find(sent?.data.node, 'base')?.attributes).toEqual({ href: '/shop/' });
    expect(ctx.find(sent?.data.node, '#css')?.childNodes?.[0]?.textContent).toContain('url(/logo.png)');
    expect(ctx.find(sent?.data.node, '#sheet')?.attributes?.href).toBe('/site.css?v=3');
    // Rules the site adds to its head's sheets later pass as they are, too.
    const rule = '.badge::before { content: "Sale"; }';
    const added = ctx.sanitize(styleEvent({ source: 8, id: ctx.idOf(ctx.$('#css')), adds: [{ rule }] }));
    expect(JSON.stringify(added)).toContain('Sale');
  });

  it('cleans a stylesheet in the body as it does in a masked region', () => {
    const ctx = maskAll('<div><style id="s"></style></div>');
    const event = ctx.snapshot();
    const style = ctx.find(event.data.node, '#s');
    // rrweb's copy of a <style>'s rules.
    if (style?.attributes) style.attributes._cssText = '.x { width: 4px } .y::after { content: "Ada" }';
    ctx.sanitize(event);
    expect(ctx.find(event.data.node, '#s')?.attributes?._cssText).toBe('.x { width: 4px }');
  });

  it('masks what is added, changed and typed later', () => {
    const ctx = maskAll('<p id="p">x</p><input id="i">');
    ctx.sanitize(ctx.snapshot());
    const p = ctx.$('#p');
    const span = document.createElement('span');
    span.textContent = 'Ada Lovelace';
    span.setAttribute('title', 'Ada');
    p.append(span);
    const sent = ctx.sanitize(
      mutation({
        adds: [{ parentId: ctx.idOf(p), node: ctx.serialize(span) }],
        texts: [{ id: ctx.idOf(p.firstChild as Node), value: 'Ada' }],
        attributes: [{ id: ctx.idOf(p), attributes: { 'aria-label': 'Ada', class: 'big' } }],
      }),
    );
    expect(JSON.stringify(sent)).not.toContain('Ada');
    expect(sent?.data.attributes?.[0]?.attributes).toEqual({ 'aria-label': null, class: 'big' });
    expect(ctx.sanitize(input(ctx.idOf(ctx.$('#i')), 'ada@example.com'))?.data.text).toBe(maskText);
  });
});

describe('mask-all: what the site unmasks', () => {
  const page = `
    <main id="m">
      <section id="shown" data-tandem-unmask>
        <h2 id="h">Blue beans</h2>
        <input id="qty" value="2">
        <input id="card" autocomplete="billing cc-number" value="4111111111111111">
        <p id="note" data-tandem-mask>Gift for Ada</p>
        <div data-tandem-hide><p id="gone">Loyalty 99</p></div>
      </section>
      <p id="name">Ada Lovelace</p>
      <div data-tandem-mask><p id="inner" data-tandem-unmask>Ada's secret</p></div>
    </main>`;

  it('shows an unmasked element and what it holds, but not what the lists mask or hide inside it', () => {
    const ctx = maskAll(page);
    const sent = ctx.sanitize(ctx.snapshot());
    expect(texts(ctx.find(sent?.data.node, '#h'))).toEqual(['Blue beans']);
    expect(ctx.find(sent?.data.node, '#qty')?.attributes?.value).toBe('2');
    const json = JSON.stringify(sent);
    for (const secret of ['4111', 'Gift for Ada', 'Loyalty', 'Ada Lovelace', "Ada's secret"])
      expect(json, secret).not.toContain(secret);
  });

  it('holds in later changes and typing too', () => {
    const ctx = maskAll(page);
    ctx.sanitize(ctx.snapshot());
    expect(ctx.sanitize(input(ctx.idOf(ctx.$('#qty')), '3'))?.data.text).toBe('3');
    expect(ctx.sanitize(input(ctx.idOf(ctx.$('#card')), '4242'))?.data.text).toBe(maskText);
    const texted = (selector: string, value: string) =>
      ctx.sanitize(mutation({ texts: [{ id: ctx.idOf(ctx.$(selector).firstChild as Node), value }] }))?.data
        .texts?.[0]?.value;
    expect(texted('#h', 'Red beans')).toBe('Red beans');
    expect(texted('#name', 'Grace')).toBe(maskText);
    expect(texted('#inner', 'Grace')).toBe(maskText);
  });

  it('reveals what `unmask` selectors name, only on the pages their rule is for', () => {
    const here = maskAll('<p id="p" class="price">12 €</p>', [{ urls: ['/checkout*'], unmask: ['.price'] }]);
    expect(texts(here.find(here.sanitize(here.snapshot())?.data.node, '#p'))).toEqual(['12 €']);
    const elsewhere = maskAll('<p id="p" class="price">12 €</p>', [{ urls: ['/cart'], unmask: ['.price'] }]);
    expect(texts(elsewhere.find(elsewhere.sanitize(elsewhere.snapshot())?.data.node, '#p'))).toEqual([
      maskText,
    ]);
  });

  it('takes a new snapshot when an element gains or loses its unmask tag', () => {
    const ctx = maskAll('<p id="p">Ada</p>');
    ctx.sanitize(ctx.snapshot());
    const p = ctx.$('#p');
    p.setAttribute('data-tandem-unmask', '');
    ctx.sanitize(mutation({ attributes: [{ id: ctx.idOf(p), attributes: { 'data-tandem-unmask': '' } }] }));
    expect(ctx.onRestrictionChange).toHaveBeenCalledOnce();
    p.removeAttribute('data-tandem-unmask');
    ctx.sanitize(mutation({ attributes: [{ id: ctx.idOf(p), attributes: { 'data-tandem-unmask': null } }] }));
    expect(ctx.onRestrictionChange).toHaveBeenCalledTimes(2);
  });

  it('takes a new snapshot when a change elsewhere unmasks an element (descendant selectors)', () => {
    const ctx = maskAll('<div id="box"><p class="name">Ada</p></div>', [{ unmask: ['.open .name'] }]);
    ctx.sanitize(ctx.snapshot());
    const box = ctx.$('#box');
    box.className = 'open';
    ctx.sanitize(mutation({ attributes: [{ id: ctx.idOf(box), attributes: { class: 'open' } }] }));
    expect(ctx.onRestrictionChange).toHaveBeenCalledOnce();
  });

  it('masks a shadow root’s content unless its host or a wrapping slot is unmasked', () => {
    const ctx = maskAll('<x-card id="a"><b>Ada</b></x-card><x-card id="b" data-tandem-unmask></x-card>');
    ctx.$('#a').attachShadow({ mode: 'open' }).innerHTML = '<p>Card of Ada</p><slot></slot>';
    ctx.$('#b').attachShadow({ mode: 'open' }).innerHTML = '<p>Blue beans</p>';
    const json = JSON.stringify(ctx.sanitize(ctx.snapshot()));
    expect(json).not.toContain('Ada');
    expect(json).toContain('Blue beans');
  });

  it('shows a host’s own child in a slot an unmasked element of the shadow root wraps', () => {
    const ctx = maskAll('<x-card id="a"><b id="slotted">Blue beans</b></x-card>');
    const root = ctx.$('#a').attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Ada</p><div data-tandem-unmask><slot></slot></div>';
    // happy-dom does not assign slots: the browser's answer, given here.
    Object.defineProperty(ctx.$('#slotted'), 'assignedSlot', { value: root.querySelector('slot') });
    const json = JSON.stringify(ctx.sanitize(ctx.snapshot()));
    expect(json).toContain('Blue beans');
    expect(json).not.toContain('Ada');
  });

  it('means nothing without mask-all: the tag reveals nothing the lists mask', () => {
    const ctx = setup('<p id="p" class="secret" data-tandem-unmask>Ada</p>');
    expect(JSON.stringify(ctx.sanitize(ctx.snapshot()))).not.toContain('Ada');
  });
});

describe('mask-all: the level of a node and remote control', () => {
  it('gives masked to what nothing unmasks, and the lists’ level inside what is unmasked', () => {
    document.body.innerHTML =
      '<p id="a">x</p><div data-tandem-unmask><p id="b">y</p><p id="c" data-tandem-hide>z</p></div>';
    const check = createRestrictionCheck(restrictionsFor('https://shop.test/', [], 'mask-all'));
    const level = (id: string) => check.of(document.getElementById(id) as Element);
    expect([level('a'), level('b'), level('c')]).toEqual([Level.mask, Level.none, Level.hide]);
    expect(check.of(document)).toBe(Level.none);
  });

  it('refuses the agent’s actions on anything masked, and allows them where the site unmasked', () => {
    const { executor, idOf, click } = control(
      `<input data-id="1" name="email">
       <form data-tandem-unmask><input data-id="2" name="qty"><input data-id="3" name="pin" data-tandem-mask></form>
       <button data-id="4" type="button">Help</button>`,
      [],
      'mask-all',
    );
    const refused = { ok: false, reason: 'protected' };
    expect(executor.run({ type: 'input', page, id: idOf('[name=email]'), value: 'x' })).toEqual(refused);
    expect(executor.run({ type: 'input', page, id: idOf('[name=pin]'), value: 'x' })).toEqual(refused);
    expect(click('button')).toEqual(refused);
    expect(executor.run({ type: 'input', page, id: idOf('[name=qty]'), value: '3' })).toEqual({ ok: true });
  });
});

describe('property: under mask-all nothing outside an unmasked element leaves', () => {
  const secret = fc.string({ minLength: 8, maxLength: 40 }).map((tail) => `zqx-secret-${tail}`);
  const leaks = (json: string, value: string) =>
    json.includes(value) || json.includes(JSON.stringify(value).slice(1, -1));

  it('holds for text, content attributes, values and later changes, wherever the unmask tag stands', () => {
    fc.assert(
      fc.property(
        secret,
        secret,
        fc.constantFrom('title', 'alt', 'placeholder', 'aria-label', 'data-user', 'label', 'value'),
        fc.constantFrom('<aside data-tandem-unmask>Shown</aside>', '', '<i data-tandem-unmask></i>'),
        (text, attribute, attributeName, unmasked) => {
          const ctx = maskAll(`${unmasked}<div id="box"><p id="p"></p><input id="i"></div>`);
          const p = ctx.$('#p');
          p.textContent = text;
          p.setAttribute(attributeName, attribute);
          (ctx.$('#i') as HTMLInputElement).value = text;
          const sent = [ctx.sanitize(ctx.snapshot())];
          sent.push(
            ctx.sanitize(
              mutation({
                texts: [{ id: ctx.idOf(p.firstChild as Node), value: text }],
                attributes: [{ id: ctx.idOf(ctx.$('#box')), attributes: { [attributeName]: attribute } }],
              }),
            ),
            ctx.sanitize(input(ctx.idOf(ctx.$('#i')), text)),
          );
          const json = JSON.stringify(sent);
          expect(leaks(json, text) || leaks(json, attribute)).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});
