import { getDocument, getWindow, type PageContext } from '@tandem/sdk-core';

const http = /^https?:\/\//i;

/** Where the visitor is, for the agent's screen pop: the page, where they came from, the site's attributes. */
export function pageContext(attributes: Readonly<Record<string, string>>): PageContext {
  const doc = getDocument();
  const url = getWindow()?.location.href.split('#')[0] ?? '';
  const referrer = doc?.referrer ?? '';
  const entries = Object.entries(attributes).slice(0, 50);
  return {
    url: url.slice(0, 2000),
    title: (doc?.title ?? '').slice(0, 500),
    ...(http.test(referrer) && referrer.length <= 2000 ? { referrer } : {}),
    ...(entries.length ? { attributes: Object.fromEntries(entries) } : {}),
  };
}

/** The device's position, asked only after the visitor ticked "share my location"; nothing when refused. */
export function askLocation(): Promise<{ latitude: number; longitude: number } | undefined> {
  const geolocation = getWindow()?.navigator.geolocation;
  if (!geolocation) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    geolocation.getCurrentPosition(
      ({ coords }) => resolve({ latitude: coords.latitude, longitude: coords.longitude }),
      () => resolve(undefined),
      { timeout: 10_000, maximumAge: 60_000 },
    ),
  );
}
