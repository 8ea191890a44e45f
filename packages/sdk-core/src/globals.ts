// The only module that names browser globals, and only inside functions, so importing Tandem in Node is safe.

export function getWindow(): Window | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

export function getDocument(): Document | undefined {
  return typeof document === 'undefined' ? undefined : document;
}

export function getNavigatorLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

/** Reads window.localStorage or sessionStorage; the getter itself throws in some privacy modes. */
export function getStorageArea(area: 'local' | 'session'): globalThis.Storage | undefined {
  const win = getWindow();
  if (!win) return undefined;
  try {
    return area === 'local' ? win.localStorage : win.sessionStorage;
  } catch {
    return undefined;
  }
}

export function getWebSocket(): typeof WebSocket | undefined {
  return typeof WebSocket === 'undefined' ? undefined : WebSocket;
}
