import { afterEach, describe, expect, it } from 'vitest';
import {
  createRestrictionCheck,
  defaultHide,
  defaultMask,
  defaultReadonly,
  Level,
  restrictionsFor,
  urlMatches,
} from '../src/capture/restrictions';

afterEach(() => {
  document.body.innerHTML = '';
});

const el = (selector: string, root: ParentNode = document) => {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no element ${selector}`);
  return found;
};

describe('urlMatches', () => {
  it('matches a whole address exactly without a wildcard', () => {
    expect(urlMatches('https://shop.test/cart', 'https://shop.test/cart')).toBe(true);
    expect(urlMatches('https://shop.test/cart', 'https://shop.test/cart/2')).toBe(false);
    expect(urlMatches('https://shop.test/cart', 'https://evil.test/?https://shop.test/cart')).toBe(false);
  });

  it('lets * stand for any run of characters, including none and slashes', () => {
    expect(urlMatches('https://shop.test/*', 'https://shop.test/')).toBe(true);
    expect(urlMatches('https://shop.test/*', 'https://shop.test/a/b/c?d=1')).toBe(true);
    expect(urlMatches('*://shop.test/checkout*', 'http://shop.test/checkout/pay')).toBe(true);
    expect(urlMatches('*://shop.test/checkout*', 'http://other.test/checkout')).toBe(false);
    expect(urlMatches('*', 'anything at all')).toBe(true);
  });

  it('matches a pattern starting with / against the path and query only', () => {
    expect(urlMatches('/checkout', 'https://shop.test/checkout')).toBe(true);
    expect(urlMatches('/checkout', 'https://shop.test/checkout?step=2')).toBe(false);
    expect(urlMatches('/checkout*', 'https://shop.test/checkout?step=2')).toBe(true);
    expect(urlMatches('/checkout?step=2', 'https://shop.test/checkout?step=2')).toBe(true);
    expect(urlMatches('/checkout*', 'https://shop.test/cart')).toBe(false);
    // The fragment is not part of the path.
    expect(urlMatches('/a', 'https://shop.test/a#section')).toBe(true);
    // Nor is the host: a path pattern never sees it.
    expect(urlMatches('/shop.test*', 'https://shop.test/')).toBe(false);
  });

  it('does not match a path pattern against an address that does not parse', () => {
    expect(urlMatches('/checkout', '/checkout')).toBe(false);
    expect(urlMatches('/*', 'not a url')).toBe(false);
  });

  it('treats regular-expression characters in the pattern literally', () => {
    expect(urlMatches('https://shop.test/a.b', 'https://shop.test/axb')).toBe(false);
    expect(urlMatches('https://shop.test/a.b', 'https://shop.test/a.b')).toBe(true);
    expect(urlMatches('/p?q=(1)+[2]', 'https://shop.test/p?q=(1)+[2]')).toBe(true);
    expect(urlMatches('/p?q=1', 'https://shop.test/pq=1')).toBe(false);
    expect(urlMatches('/a|/b', 'https://shop.test/b')).toBe(false);
    expect(urlMatches('/$^{2}\\', 'https://shop.test/$^{2}\\')).toBe(false);
  });

  it('is case-sensitive', () => {
    expect(urlMatches('/Checkout', 'https://shop.test/checkout')).toBe(false);
  });
});

describe('restrictionsFor', () => {
  it('holds the defaults on every page when no rule is given', () => {
    const restrictions = restrictionsFor('https://shop.test/');
    expect(restrictions).toEqual({
      mask: defaultMask.join(','),
      hide: defaultHide.join(','),
      readonly: defaultReadonly.join(','),
    });
  });

  it('adds a rule without urls on every page', () => {
    const restrictions = restrictionsFor('https://shop.test/any', [{ mask: ['.a', '.b'], hide: ['.c'] }]);
    expect(restrictions.mask).toBe([...defaultMask, '.a', '.b'].join(','));
    expect(restrictions.hide).toBe([...defaultHide, '.c'].join(','));
    expect(restrictions.readonly).toBe(defaultReadonly.join(','));
  });

  it('adds a rule only on the pages one of its patterns matches', () => {
    const rules = [
      { urls: ['/checkout*', '/account'], mask: ['#gift'], readonly: ['.pay'] },
      { urls: ['/blog*'], hide: ['.ad'] },
    ];
    const checkout = restrictionsFor('https://shop.test/checkout/2', rules);
    expect(checkout.mask).toBe([...defaultMask, '#gift'].join(','));
    expect(checkout.readonly).toBe([...defaultReadonly, '.pay'].join(','));
    expect(checkout.hide).toBe(defaultHide.join(','));
    const account = restrictionsFor('https://shop.test/account', rules);
    expect(account.mask).toContain('#gift');
    const blog = restrictionsFor('https://shop.test/blog/post', rules);
    expect(blog.mask).not.toContain('#gift');
    expect(blog.hide).toBe([...defaultHide, '.ad'].join(','));
  });

  it('joins the selectors of every matching rule in order', () => {
    const restrictions = restrictionsFor('https://shop.test/', [{ mask: ['.one'] }, { mask: ['.two'] }]);
    expect(restrictions.mask.endsWith(',.one,.two')).toBe(true);
  });

  it('does not change the exported defaults', () => {
    const before = [...defaultMask];
    restrictionsFor('https://shop.test/', [{ mask: ['.x'] }]);
    expect(defaultMask).toEqual(before);
  });
});

describe('createRestrictionCheck', () => {
  const check = (rules = [{ mask: ['.secret'], hide: ['.gone'], readonly: ['.locked'] }]) =>
    createRestrictionCheck(restrictionsFor('https://shop.test/', rules));

  // happy-dom ignores the selectors' `i` flag for `=`; an upper-case password type is masked through the
  // element's type property, which is lower case whatever the attribute says.
  it('masks the default secret fields by type and autocomplete', () => {
    document.body.innerHTML = `
      <input id="pw" type="password">
      <input id="PW" type="PASSWORD">
      <input id="hid" type="hidden" value="x">
      <input id="cc" autocomplete="cc-number">
      <input id="CC" autocomplete="CC-EXP">
      <input id="otp" autocomplete="one-time-code">
      <div id="tag" data-tandem-mask></div>
      <input id="plain" type="text">
      <input id="email" autocomplete="email">`;
    const { own } = check();
    for (const id of ['pw', 'PW', 'hid', 'cc', 'CC', 'otp', 'tag'])
      expect(own(el(`#${id}`)), id).toBe(Level.mask);
    expect(own(el('#plain'))).toBe(Level.none);
    expect(own(el('#email'))).toBe(Level.none);
  });

  it('hides [data-tandem-hide] and the configured selectors', () => {
    document.body.innerHTML = '<div id="a" data-tandem-hide></div><p class="gone"></p><p class="secret"></p>';
    const { own } = check();
    expect(own(el('#a'))).toBe(Level.hide);
    expect(own(el('.gone'))).toBe(Level.hide);
    expect(own(el('.secret'))).toBe(Level.mask);
  });

  it('applies mask and hide to descendants, text nodes included', () => {
    document.body.innerHTML =
      '<div class="secret"><p><b id="deep">card</b></p></div><section data-tandem-hide><i id="in">x</i></section><p id="out">ok</p>';
    const { of, own } = check();
    const deep = el('#deep');
    expect(own(deep)).toBe(Level.none);
    expect(of(deep)).toBe(Level.mask);
    expect(of(deep.firstChild as Node)).toBe(Level.mask);
    expect(of(el('#in'))).toBe(Level.hide);
    expect(of(el('#in').firstChild as Node)).toBe(Level.hide);
    expect(of(el('#out'))).toBe(Level.none);
    expect(of(el('#out').firstChild as Node)).toBe(Level.none);
  });

  it('lets hidden win over masked, whichever is inside the other', () => {
    document.body.innerHTML = `
      <div class="secret"><p id="a" data-tandem-hide></p><span id="a2"></span></div>
      <div data-tandem-hide><p id="b" class="secret"></p></div>
      <p id="c" class="secret gone"></p>`;
    const { of, own } = check();
    expect(of(el('#a'))).toBe(Level.hide);
    expect(of(el('#a2'))).toBe(Level.mask);
    expect(of(el('#b'))).toBe(Level.hide);
    expect(own(el('#c'))).toBe(Level.hide);
  });

  it('follows an element up out of an open shadow root to its host', () => {
    document.body.innerHTML = '<div id="host" class="secret"></div><div id="plain-host"></div>';
    const host = el('#host');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p><span id="inside">4111</span></p><em id="top">x</em>';
    const plain = el('#plain-host').attachShadow({ mode: 'open' });
    plain.innerHTML = '<input id="pw" type="password"><b id="ok">fine</b>';
    const { of } = check();
    expect(of(el('#inside', shadow))).toBe(Level.mask);
    expect(of(el('#inside', shadow).firstChild as Node)).toBe(Level.mask);
    // A direct child of the shadow root: its parentElement is null, the host is found through the root.
    expect(of(el('#top', shadow))).toBe(Level.mask);
    expect(of(el('#top', shadow).firstChild as Node)).toBe(Level.mask);
    expect(of(el('#pw', plain))).toBe(Level.mask);
    expect(of(el('#ok', plain))).toBe(Level.none);
  });

  it('crosses nested shadow roots', () => {
    document.body.innerHTML = '<div id="outer" data-tandem-hide></div>';
    const outer = el('#outer').attachShadow({ mode: 'open' });
    outer.innerHTML = '<div id="middle"></div>';
    const inner = el('#middle', outer).attachShadow({ mode: 'open' });
    inner.innerHTML = '<span id="leaf">x</span>';
    expect(check().of(el('#leaf', inner))).toBe(Level.hide);
  });

  it('counts the slot a host’s child is shown in: a masked or readonly element around it covers it', () => {
    document.body.innerHTML = '<card-box id="card"><input id="number"><input id="name"></card-box>';
    const root = el('#card').attachShadow({ mode: 'open' });
    root.innerHTML =
      '<div data-tandem-mask><slot name="n"></slot></div><div data-tandem-readonly><slot></slot></div>';
    // happy-dom does not assign slots: the browser's answer, given here.
    const [masked, locked] = [...root.querySelectorAll('slot')];
    Object.defineProperty(el('#number'), 'assignedSlot', { value: masked });
    Object.defineProperty(el('#name'), 'assignedSlot', { value: locked });
    const { of, isReadonly } = check();
    expect(of(el('#number'))).toBe(Level.mask);
    expect(of(el('#name'))).toBe(Level.none);
    expect(isReadonly(el('#name'))).toBe(true);
  });

  it('keeps a password field masked after its type is switched to text', () => {
    document.body.innerHTML = '<input id="pw" type="password" value="hunter22">';
    const input = el('#pw') as HTMLInputElement;
    const { own, of } = check();
    expect(own(input)).toBe(Level.mask);
    input.type = 'text';
    expect(own(input)).toBe(Level.mask);
    expect(of(input)).toBe(Level.mask);
    input.setAttribute('type', 'email');
    expect(own(input)).toBe(Level.mask);
  });

  it('remembers a password field seen through one of its descendants or as an ancestor check', () => {
    document.body.innerHTML = '<input id="pw" type="password">';
    const input = el('#pw') as HTMLInputElement;
    const { of, isReadonly } = check();
    expect(isReadonly(input)).toBe(true);
    input.type = 'text';
    expect(of(input)).toBe(Level.mask);
  });

  it('remembers per check: a new check sees the field as it is now', () => {
    document.body.innerHTML = '<input id="pw" type="password">';
    const input = el('#pw') as HTMLInputElement;
    check().own(input);
    input.type = 'text';
    expect(check().own(input)).toBe(Level.none);
  });

  it('does not mask a text field that was never a password', () => {
    document.body.innerHTML = '<input id="t" type="text">';
    const input = el('#t') as HTMLInputElement;
    const { own } = check();
    expect(own(input)).toBe(Level.none);
    input.type = 'search';
    expect(own(input)).toBe(Level.none);
  });

  it('reads the current DOM: an element masked after it was shown is masked from then on', () => {
    document.body.innerHTML = '<p id="p">x</p>';
    const { of } = check();
    const p = el('#p');
    expect(of(p)).toBe(Level.none);
    p.classList.add('secret');
    expect(of(p)).toBe(Level.mask);
    p.classList.replace('secret', 'gone');
    expect(of(p)).toBe(Level.hide);
    p.className = '';
    expect(of(p)).toBe(Level.none);
  });

  it('makes submit controls, the configured selectors and their descendants readonly', () => {
    document.body.innerHTML = `
      <button id="bare">Go</button>
      <button id="btn" type="button">Open</button>
      <button id="sub" type="submit"><span id="label">Pay</span></button>
      <input id="isub" type="submit">
      <input id="img" type="image">
      <input id="txt" type="text">
      <a id="link" href="#">link</a>
      <div data-tandem-readonly><a id="in-ro" href="#">x</a></div>
      <div class="locked"><input id="in-locked"></div>`;
    const { isReadonly } = check();
    for (const id of ['bare', 'sub', 'label', 'isub', 'img', 'in-ro', 'in-locked'])
      expect(isReadonly(el(`#${id}`)), id).toBe(true);
    expect(isReadonly(el('#label').firstChild as Node)).toBe(true);
    for (const id of ['btn', 'txt', 'link']) expect(isReadonly(el(`#${id}`)), id).toBe(false);
  });

  it('makes masked and hidden elements and what lies inside them readonly', () => {
    document.body.innerHTML =
      '<div class="secret"><button id="m" type="button">x</button></div><div class="gone"><a id="h" href="#">y</a></div><input id="pw" type="password">';
    const { isReadonly } = check();
    expect(isReadonly(el('#m'))).toBe(true);
    expect(isReadonly(el('#h'))).toBe(true);
    expect(isReadonly(el('#pw'))).toBe(true);
  });

  it('makes readonly reach through a shadow root', () => {
    document.body.innerHTML = '<div id="host" class="locked"></div>';
    const shadow = el('#host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<a id="a" href="#">x</a>';
    expect(check().isReadonly(el('#a', shadow))).toBe(true);
  });

  it('applies only the rules of the page it was made for', () => {
    document.body.innerHTML = '<p class="promo">x</p>';
    const rules = [{ urls: ['/checkout*'], hide: ['.promo'] }];
    const onCheckout = createRestrictionCheck(restrictionsFor('https://shop.test/checkout', rules));
    const onHome = createRestrictionCheck(restrictionsFor('https://shop.test/', rules));
    expect(onCheckout.of(el('.promo'))).toBe(Level.hide);
    expect(onHome.of(el('.promo'))).toBe(Level.none);
  });

  it('exposes the restrictions it was made from', () => {
    const restrictions = restrictionsFor('https://shop.test/');
    expect(createRestrictionCheck(restrictions).restrictions).toBe(restrictions);
  });
});
