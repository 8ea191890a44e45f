import { getDocument, parseOptions, text } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import { Privacy, type RestrictionRule } from './capture/restrictions';

const selectorExpected = 'a valid CSS selector';

/** A selector the browser accepts (checked where there is a document; the page applies it). */
const selector = z.string({ error: selectorExpected }).check(
  z.refine(
    (value) => {
      if (value.trim() === '' || value.length > 500) return false;
      try {
        getDocument()?.createDocumentFragment().querySelector(value);
        return true;
      } catch {
        return false;
      }
    },
    { error: selectorExpected },
  ),
);

const originExpected = 'an origin such as "https://shop.example"';
/** Scheme, host and port only, as `URL.origin` gives it. */
const origin = z.string({ error: originExpected }).check(
  z.refine(
    (value) => {
      try {
        return /^https?:$/.test(new URL(value).protocol) && new URL(value).origin === value;
      } catch {
        return false;
      }
    },
    { error: originExpected },
  ),
);

const selectors = z.optional(z.array(selector));

export const cobrowseOptionsSchema = z.strictObject({
  /** `"mask-all"`: all text and every field masked but what `unmask` (or `data-tandem-unmask`) reveals. */
  privacy: z.optional(
    z.enum([Privacy.standard, Privacy.maskAll], { error: `"${Privacy.standard}" or "${Privacy.maskAll}"` }),
  ),
  /** Under mask-all, what the agent may read on every page (`restrictions[].unmask` for some pages). */
  unmask: selectors,
  /** Query parameters of the page's address the agent may see; without it, none (nor the fragment). */
  urlParams: z.optional(z.array(text(100))),
  /** In write mode the agent may follow links and submit forms to these origins; this page's always. */
  origins: z.optional(z.array(origin)),
  /** Selector lists, each scoped to the pages whose address matches one of `urls` (all pages without). */
  restrictions: z.optional(
    z.array(
      z.strictObject({
        urls: z.optional(z.array(text(500))),
        mask: selectors,
        hide: selectors,
        readonly: selectors,
        unmask: selectors,
      }),
    ),
  ),
});

export interface CobrowseOptions {
  readonly privacy?: Privacy;
  readonly unmask?: readonly string[];
  readonly urlParams?: readonly string[];
  readonly origins?: readonly string[];
  readonly restrictions?: readonly RestrictionRule[];
}

/** Validates the co-browse options when its code loads (script tag: config.cobrowse). */
export const parseCobrowseOptions = (input: unknown): CobrowseOptions =>
  parseOptions(cobrowseOptionsSchema, input, 'cobrowse');
