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

const id = z.number().check(z.int(), z.positive());
const coordinate = z.number().check(z.gte(-1e6), z.lte(1e6));
/** The page the agent saw when acting: an action aimed at a page the customer has left is refused. */
const page = z.string().check(z.maxLength(64));

/** One remote-control action from the agent, in write mode (mirrored node ids, viewport coordinates). */
export const controlAction = z.union([
  z.object({ type: z.literal('click'), page, id, x: coordinate, y: coordinate }),
  z.object({ type: z.literal('input'), page, id, value: z.string().check(z.maxLength(10_000)) }),
  z.object({ type: z.literal('select'), page, id, value: z.string().check(z.maxLength(1_000)) }),
  z.object({ type: z.literal('check'), page, id, checked: z.boolean() }),
  z.object({ type: z.literal('key'), page, id, key: z.enum(allowedKeys), shift: z.optional(z.boolean()) }),
  z.object({ type: z.literal('scroll'), page, id: z.optional(id), x: coordinate, y: coordinate }),
  z.object({ type: z.literal('focus'), page, id }),
]);
export type ControlAction = z.infer<typeof controlAction>;

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
  /** Something else is at that point now. */
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
