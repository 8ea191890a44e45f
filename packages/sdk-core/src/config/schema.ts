import * as z from 'zod/mini';
import type { BackendAdapter } from '../backend/adapter';
import { type Capability, capabilityNames } from '../backend/capabilities';
import { bool, cssColor, localeTag, number, oneOf, text } from '../fields';

const ewtSchema = z
  .strictObject({
    /** Show the estimated wait time next to the channel. */
    show: z.optional(bool()),
    /** Seconds: up to this a warning is shown. */
    min: z.optional(number({ min: 0 })),
    /** Seconds: at or above this the channel is hidden or disabled. */
    max: z.optional(number({ min: 0 })),
    whenAbove: z.optional(oneOf(['hide', 'disable'])),
  })
  .check(
    z.refine((ewt) => ewt.min === undefined || ewt.max === undefined || ewt.min <= ewt.max, {
      error: 'a number <= max',
      path: ['min'],
    }),
  );

const channelSchema = z.strictObject({
  enabled: z.optional(bool()),
  /** The subject whose hours and wait time the selector shows; all subjects when absent. */
  subject: z.optional(text(64)),
  label: z.optional(text(80)),
  /**
   * Closed, or (chat) no agent logged in: hidden, shown disabled, or offered as "Leave us a message" (chat's
   * message form; left out where the site's messaging row offers the same).
   */
  whenClosed: z.optional(oneOf(['hide', 'disable', 'message'])),
  ewt: z.optional(ewtSchema),
});

/** A site lists the channels it offers among the features a backend may have: the same names. */
export const channelNames = capabilityNames;
export type ChannelName = Capability;

const channelsSchema = z.strictObject({
  /** Links to messaging apps (WhatsApp, Messenger, LINE): checked by the selector when it shows them. */
  apps: z.optional(
    z.custom<Readonly<Record<string, unknown>>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      { error: 'an object' },
    ),
  ),
  chat: z.optional(channelSchema),
  messaging: z.optional(channelSchema),
  clickToCall: z.optional(channelSchema),
  callback: z.optional(channelSchema),
  cobrowse: z.optional(channelSchema),
});

function isBackendAdapter(value: unknown): value is BackendAdapter {
  const candidate = value as Partial<BackendAdapter> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.connect === 'function';
}

/** Where the script tag connects: a WebSocket URL, or a path on the page's own site. */
export interface BackendUrl {
  readonly url: string;
}

function isBackendUrl(value: unknown): value is BackendUrl {
  if (typeof value !== 'object' || value === null) return false;
  const { url, ...rest } = value as { url?: unknown };
  return (
    Object.keys(rest).length === 0 &&
    typeof url === 'string' &&
    url.length <= 2000 &&
    /^(wss?:\/\/|\/)/.test(url)
  );
}

const backendSchema = z.custom<BackendAdapter | BackendUrl>((v) => isBackendAdapter(v) || isBackendUrl(v), {
  error: 'a backend adapter, or { url: "wss://…" } or { url: "/path" }',
});

export const configSchema = z.strictObject({
  backend: z.optional(backendSchema),
  locale: z.optional(localeTag()),
  /** Per-locale overrides of any UI string: { fr: { 'launcher.label': 'Aide' } }. */
  strings: z.optional(z.record(localeTag(), z.record(z.string(), text(2000)))),
  theme: z.optional(
    z.strictObject({
      mode: z.optional(oneOf(['light', 'dark', 'auto'])),
      accent: z.optional(cssColor()),
      accentText: z.optional(cssColor()),
      radius: z.optional(number({ min: 0, max: 32 })),
    }),
  ),
  position: z.optional(oneOf(['bottom-right', 'bottom-left'])),
  /** Offset from the viewport edges, in CSS pixels. */
  offset: z.optional(number({ min: 0, max: 200 })),
  zIndex: z.optional(number({ min: 0, max: 2147483647, integer: true })),
  /** CSP nonce for the <style> fallback when constructable stylesheets are unavailable. */
  nonce: z.optional(text(200)),
  launcher: z.optional(
    z.strictObject({
      hidden: z.optional(bool()),
      label: z.optional(text(80)),
    }),
  ),
  channels: z.optional(channelsSchema),
});

export type TandemConfig = z.infer<typeof configSchema>;
export type ChannelConfig = z.infer<typeof channelSchema>;

export { isBackendAdapter, isBackendUrl };
