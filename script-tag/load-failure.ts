// Why the app file did not load, in words a site owner can act on: the import error itself never says.

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Asks for the file again to tell the causes apart: read with CORS (then the server or the type is at
 * fault), only without CORS (the header is missing), or not at all (network, or the page's CSP).
 */
export async function explainLoadFailure(url: string, error: unknown, fetcher?: Fetch): Promise<string> {
  if (!fetcher) return String(error);
  const probe = { cache: 'no-store', credentials: 'omit' } as const;
  try {
    const response = await fetcher(url, { ...probe, mode: 'cors' });
    if (!response.ok) return `${url} answered HTTP ${response.status}`;
    const type = response.headers.get('content-type') ?? 'no type';
    if (!/javascript|ecmascript/i.test(type)) return `${url} is served as ${type}, not JavaScript`;
    return String(error);
  } catch {
    try {
      await fetcher(url, { ...probe, mode: 'no-cors' });
      return `blocked by CORS: ${url} must be served with Access-Control-Allow-Origin (see Tandem's docs/embedding.md)`;
    } catch {
      return `network error: ${url} could not be fetched (server unreachable, or blocked by the page's Content-Security-Policy)`;
    }
  }
}
