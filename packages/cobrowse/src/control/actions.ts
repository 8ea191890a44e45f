import { bool, number, oneOf, text } from '@tandem/sdk-core';
import * as z from 'zod/mini';

/** The keys an agent may press on the customer's page. */
export const allowedKeys = [
  'Enter',
  'Tab',
  'Escape',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
] as const;

// sdk-core's field builders and strictObject only: any other zod/mini export used here would be bundled
// into the launcher's chunk, which holds zod for every feature (no union, literal, tuple or number checks).
const id = number({ min: 1, integer: true });
const coordinate = number({ min: -1e6, max: 1e6 });
/** The page the agent saw when acting: an action aimed at a page the customer has left is refused. */
const page = text(64);
const actionType = oneOf(['click', 'input', 'select', 'check', 'key', 'scroll', 'focus']);

/**
 * Each remote-control action from the agent, by type: the node is named by its mirrored id; a click's x and
 * y say where the agent's own layout drew it (the customer's page presses the node where it is there).
 */
const actions = {
  click: z.strictObject({ type: actionType, page, id, x: coordinate, y: coordinate }),
  input: z.strictObject({ type: actionType, page, id, value: text(10_000) }),
  select: z.strictObject({ type: actionType, page, id, value: text(1_000) }),
  check: z.strictObject({ type: actionType, page, id, checked: bool() }),
  key: z.strictObject({ type: actionType, page, id, key: oneOf(allowedKeys), shift: z.optional(bool()) }),
  scroll: z.strictObject({ type: actionType, page, id: z.optional(id), x: coordinate, y: coordinate }),
  focus: z.strictObject({ type: actionType, page, id }),
};

type Parsed<K extends keyof typeof actions> = Omit<z.infer<(typeof actions)[K]>, 'type'> & { type: K };
export type ControlAction = { [K in keyof typeof actions]: Parsed<K> }[keyof typeof actions];

/** The action, checked against the schema of its type; undefined for anything else. */
export function parseAction(data: unknown): ControlAction | undefined {
  const type = (data as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(actions, type)) return undefined;
  const parsed = z.safeParse(actions[type as keyof typeof actions], data);
  return parsed.success ? (parsed.data as ControlAction) : undefined;
}

/** Why an action was refused; the agent's viewer words each one. */
export const Refusal = {
  /** Masked, hidden or readonly, or inside one. */
  protected: 'protected',
  /** Write mode was not granted, was denied, or was taken back. */
  pointerMode: 'pointer_mode',
  /** The action was aimed at a page the customer has left. */
  pageLeft: 'page_left',
  /** No such element on the page any more. */
  notFound: 'not_found',
  /** Something else now covers the element on the customer's screen. */
  moved: 'moved',
  /** A link or form to a site outside the allowed origins. */
  origin: 'origin',
  /** The customer is typing in that field: their typing wins. */
  customerTyping: 'customer_typing',
  /** Disabled, or not the kind of element the action needs. */
  unsupported: 'unsupported',
  /** Not a control action at all. */
  invalid: 'invalid',
} as const;
export type Refusal = (typeof Refusal)[keyof typeof Refusal];

export type ControlResult = { readonly ok: true } | { readonly ok: false; readonly reason: Refusal };
