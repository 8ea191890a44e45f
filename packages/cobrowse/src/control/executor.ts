import type { Clock } from '@tandem/sdk-core';
import type { RestrictionCheck } from '../capture/restrictions';
import { type ControlAction, type ControlResult, parseAction, Refusal } from './actions';
import {
  composedClosest,
  composedContains,
  composedOrder,
  deepActiveElement,
  deepElementFromPoint,
} from './composed';

export interface ExecutorOptions {
  readonly check: RestrictionCheck;
  /** The element rrweb numbered `id` on this page. */
  node(id: number): Node | null;
  readonly document: Document;
  readonly clock: Clock;
  /** This page's id, as sent to the agent with the page's first frames. */
  readonly page: string;
  /** Origins the agent may follow links and submit forms to (this page's origin at least). */
  readonly origins: readonly string[];
  /** True only while the customer has granted write mode. */
  isWriteMode(): boolean;
}

/** After the customer's own keystroke in a field, the agent may not type there for this long. */
export const customerTypingMs = 2000;

const tabbable =
  'a[href],button,input,select,textarea,summary,[contenteditable=""],[contenteditable="true"],[tabindex]';
const textInputs = /^(text|search|email|tel|url|number|password|date|time|datetime-local|month|week)$/;

const refuse = (reason: Refusal): ControlResult => ({ ok: false, reason });
const done: ControlResult = { ok: true };

/** The element itself, or a text node's parent. */
function elementOf(node: Node | null): Element | null {
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** The setter of `value` on the element's own prototype: past the instance property React puts on it. */
function setValue(element: Element, value: string): void {
  for (let proto = Object.getPrototypeOf(element); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
    if (descriptor?.set) {
      descriptor.set.call(element, value);
      return;
    }
  }
}

/**
 * Runs the agent's actions on the customer's page, in write mode only, and never on a protected element:
 * masked, hidden and readonly elements and whatever is inside them, readonly forms and submit controls,
 * links and forms leading off the allowed origins. The customer's own typing wins over the agent's.
 */
export function createExecutor(options: ExecutorOptions) {
  const { check, document, clock } = options;
  const view = document.defaultView;
  const lastCustomerKey = new WeakMap<Element, number>();

  // Only trusted events are the customer's: the agent's are dispatched by script and never are.
  const onCustomerInput = (event: Event) => {
    const target = event.composedPath()[0];
    if (event.isTrusted && target instanceof Element) lastCustomerKey.set(target, clock.now());
  };
  document.addEventListener('keydown', onCustomerInput, { capture: true });
  document.addEventListener('input', onCustomerInput, { capture: true });

  const allowedUrl = (url: string) => {
    try {
      return options.origins.includes(new URL(url, document.baseURI).origin);
    } catch {
      return false;
    }
  };

  /** Refusal for submitting `form` (with `submitter`), or undefined when it may go. */
  function submitRefusal(form: HTMLFormElement | null, submitter?: Element | null): Refusal | undefined {
    if (!form) return undefined;
    if (check.isReadonly(form) || (submitter && check.isReadonly(submitter))) return Refusal.protected;
    const action = submitter?.getAttribute('formaction') || form.action;
    return allowedUrl(action) ? undefined : Refusal.origin;
  }

  /** What clicking `element` would set off, checked before anything happens (across shadow roots). */
  function clickRefusal(element: Element): Refusal | undefined {
    if (check.isReadonly(element)) return Refusal.protected;
    const label = composedClosest(element, 'label') as HTMLLabelElement | null;
    const control = label?.control;
    if (control && check.isReadonly(control)) return Refusal.protected;
    const link = composedClosest(element, 'a[href]');
    if (link && !allowedUrl(link.getAttribute('href') ?? '')) return Refusal.origin;
    const button = composedClosest(
      element,
      'button,input[type=submit],input[type=image]',
    ) as HTMLInputElement | null;
    if (button && /^(submit|image)$/.test(button.type)) return submitRefusal(button.form, button);
    return undefined;
  }

  /** Gone from the layout, inert or disabled: nothing the customer could use either. */
  function unusable(element: Element): Refusal | undefined {
    const visible = (element as Partial<Pick<Element, 'checkVisibility'>>).checkVisibility?.({
      visibilityProperty: true,
      checkVisibilityCSS: true,
    });
    if (element.getClientRects().length === 0 || visible === false) return Refusal.notFound;
    if (composedClosest(element, '[inert],:disabled:not(fieldset)')) return Refusal.unsupported;
    return undefined;
  }

  /**
   * Where the customer's pointer would press `element`: the middle of its first box on their screen (the
   * agent's x and y are where the agent's layout put it, a few pixels off in another engine).
   */
  function pressPoint(element: Element): { x: number; y: number; onScreen: boolean } {
    const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
    const width = view?.innerWidth ?? Number.POSITIVE_INFINITY;
    const height = view?.innerHeight ?? Number.POSITIVE_INFINITY;
    const left = Math.max(box.left, 0);
    const top = Math.max(box.top, 0);
    const right = Math.min(box.right, width);
    const bottom = Math.min(box.bottom, height);
    const onScreen = right > left && bottom > top;
    return onScreen
      ? { x: (left + right) / 2, y: (top + bottom) / 2, onScreen }
      : { x: box.left + box.width / 2, y: box.top + box.height / 2, onScreen };
  }

  /**
   * Something else over the element on the customer's screen (a dialog, a banner that just opened): the
   * innermost element at its press point is neither inside it, around it, nor a label for it.
   */
  function covered(element: Element, point: { x: number; y: number; onScreen: boolean }): boolean {
    if (!point.onScreen) return false;
    const hit = deepElementFromPoint(document, point.x, point.y);
    if (!hit || composedContains(element, hit) || composedContains(hit, element)) return false;
    return (composedClosest(hit, 'label') as HTMLLabelElement | null)?.control !== element;
  }

  function focus(element: Element): void {
    const focusable = composedClosest(element, tabbable) as HTMLElement | null;
    focusable?.focus({ preventScroll: true });
  }

  function mouse(element: Element, type: string, x: number, y: number): void {
    const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, view };
    const Pointer = view?.PointerEvent ?? view?.MouseEvent;
    const Mouse = view?.MouseEvent;
    if (type.startsWith('pointer') && Pointer) element.dispatchEvent(new Pointer(type, init));
    else if (Mouse) element.dispatchEvent(new Mouse(type, init));
  }

  function click(element: Element, x: number, y: number): void {
    mouse(element, 'pointerdown', x, y);
    mouse(element, 'mousedown', x, y);
    focus(element);
    mouse(element, 'pointerup', x, y);
    mouse(element, 'mouseup', x, y);
    // click() keeps the browser's own activation: links follow, checkboxes toggle, submit buttons submit.
    if ('click' in element && typeof element.click === 'function') element.click();
    else mouse(element, 'click', x, y);
  }

  function typed(element: Element, value: string): void {
    setValue(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function customerIsTyping(element: Element): boolean {
    const at = lastCustomerKey.get(element);
    return at !== undefined && clock.now() - at < customerTypingMs;
  }

  function key(element: Element, action: Extract<ControlAction, { type: 'key' }>): ControlResult {
    const init = {
      key: action.key,
      bubbles: true,
      cancelable: true,
      composed: true,
      shiftKey: !!action.shift,
    };
    const KeyEvent = view?.KeyboardEvent;
    if (!KeyEvent) return refuse(Refusal.unsupported);
    // What the key would do by default is checked before the page hears it.
    const input = element as HTMLInputElement;
    const implicitSubmit = action.key === 'Enter' && element.localName === 'input' && input.form;
    // The form's default button: its first submit control, wherever it sits (form="…" included).
    const submitter = implicitSubmit
      ? [...(input.form?.elements ?? [])].find((control) =>
          control.matches('button:not([type]),button[type=submit],input[type=submit],input[type=image]'),
        )
      : null;
    const refusal = implicitSubmit
      ? submitRefusal(input.form, submitter)
      : action.key === 'Enter' && element.matches('a[href],button,summary')
        ? clickRefusal(element)
        : undefined;
    if (refusal) return refuse(refusal);
    const proceed = element.dispatchEvent(new KeyEvent('keydown', init));
    if (proceed) {
      if (implicitSubmit) input.form?.requestSubmit(submitter as HTMLElement | null);
      else if (action.key === 'Enter' && element.matches('a[href],button,summary'))
        (element as HTMLElement).click();
      // From the field that has the focus now: the agent's id lags behind a Tab still on its way.
      else if (action.key === 'Tab') moveFocus(focusedOr(element), action.shift ? -1 : 1);
    }
    element.dispatchEvent(new KeyEvent('keyup', init));
    return done;
  }

  function focusedOr(element: Element): Element {
    const active = deepActiveElement(document);
    return active && active !== document.body && active !== document.documentElement ? active : element;
  }

  /** Tab: the next element the agent may focus, skipping protected ones, into open shadow roots too. */
  function moveFocus(from: Element, step: 1 | -1): void {
    const all = composedOrder(document, tabbable).filter(
      (element) =>
        (element as HTMLElement).tabIndex >= 0 &&
        !check.isReadonly(element) &&
        unusable(element) === undefined,
    ) as HTMLElement[];
    const index = all.indexOf(from as HTMLElement);
    const next = all[index === -1 ? 0 : index + step];
    next?.focus();
  }

  function perform(action: ControlAction): ControlResult {
    if (action.type === 'scroll' && action.id === undefined) {
      view?.scrollTo(action.x, action.y);
      return done;
    }
    // The node the agent clicked in its copy of the page, by its id: not whatever lies at that point here.
    const element = elementOf(options.node(action.id as number));
    if (!element?.isConnected || element.ownerDocument !== document) return refuse(Refusal.notFound);
    if (action.type === 'click') {
      const refusal = clickRefusal(element) ?? unusable(element);
      if (refusal) return refuse(refusal);
      const point = pressPoint(element);
      if (covered(element, point)) return refuse(Refusal.moved);
      click(element, point.x, point.y);
      return done;
    }
    if (check.isReadonly(element)) return refuse(Refusal.protected);
    const refusal = unusable(element);
    if (refusal) return refuse(refusal);
    switch (action.type) {
      case 'input': {
        const isText =
          element.localName === 'textarea' ||
          (element.localName === 'input' && textInputs.test((element as HTMLInputElement).type));
        if (!isText || (element as HTMLInputElement).readOnly) return refuse(Refusal.unsupported);
        if (customerIsTyping(element)) return refuse(Refusal.customerTyping);
        focus(element);
        typed(element, action.value);
        return done;
      }
      case 'select': {
        if (element.localName !== 'select') return refuse(Refusal.unsupported);
        const option = [...(element as HTMLSelectElement).options].find((o) => o.value === action.value);
        if (!option || option.disabled) return refuse(Refusal.unsupported);
        typed(element, action.value);
        return done;
      }
      case 'check': {
        const box = element as HTMLInputElement;
        if (element.localName !== 'input' || !/^(checkbox|radio)$/.test(box.type))
          return refuse(Refusal.unsupported);
        if (box.checked !== action.checked) box.click();
        return done;
      }
      case 'key':
        return key(element, action);
      case 'scroll':
        element.scrollTo(action.x, action.y);
        return done;
      case 'focus':
        focus(element);
        return done;
    }
  }

  return {
    /** Checks and runs one action; the result says why when it was refused. */
    run(data: unknown): ControlResult {
      if (!options.isWriteMode()) return refuse(Refusal.pointerMode);
      const action = parseAction(data);
      if (!action) return refuse(Refusal.invalid);
      if (action.page !== options.page) return refuse(Refusal.pageLeft);
      try {
        return perform(action);
      } catch {
        // Whatever the page's DOM could not do (a detached form, an exotic element) is reported, not thrown.
        return refuse(Refusal.unsupported);
      }
    },
    /** The element that has the focus now, inside open shadow roots too. */
    focused: (): Element | null => deepActiveElement(document),
    destroy(): void {
      document.removeEventListener('keydown', onCustomerInput, { capture: true });
      document.removeEventListener('input', onCustomerInput, { capture: true });
    },
  };
}

export type Executor = ReturnType<typeof createExecutor>;
