import { describe, expect, it, vi } from 'vitest';
import { explainLoadFailure } from '../load-failure';

const url = 'https://cdn.example/tandem/tandem-app.js';
const importError = new TypeError('Failed to fetch dynamically imported module');

/** A fetch that answers each mode as a browser would for one kind of server. */
function server(answer: { cors?: Response | 'fails'; noCors?: 'ok' | 'fails' }) {
  return vi.fn(async (_url: string, init: RequestInit) => {
    if (init.mode === 'cors') {
      if (answer.cors === 'fails' || !answer.cors) throw new TypeError('Failed to fetch');
      return answer.cors;
    }
    if (answer.noCors === 'fails') throw new TypeError('Failed to fetch');
    return new Response(null, { status: 200 });
  });
}

const js = (status = 200, type = 'text/javascript; charset=utf-8') =>
  new Response('export {}', { status, headers: { 'content-type': type } });

describe('why the app file did not load', () => {
  it('names CORS when the file is reachable only without CORS', async () => {
    const fetcher = server({ cors: 'fails', noCors: 'ok' });
    await expect(explainLoadFailure(url, importError, fetcher)).resolves.toBe(
      `blocked by CORS: ${url} must be served with Access-Control-Allow-Origin (see Tandem's docs/embedding.md)`,
    );
    expect(fetcher.mock.calls.map(([, init]) => init.mode)).toEqual(['cors', 'no-cors']);
  });

  it('names the network when nothing answers', async () => {
    await expect(
      explainLoadFailure(url, importError, server({ cors: 'fails', noCors: 'fails' })),
    ).resolves.toMatch(/^network error: .+ could not be fetched/);
  });

  it('names the status or the type when the server answers wrongly', async () => {
    await expect(explainLoadFailure(url, importError, server({ cors: js(404) }))).resolves.toBe(
      `${url} answered HTTP 404`,
    );
    await expect(explainLoadFailure(url, importError, server({ cors: js(200, 'text/html') }))).resolves.toBe(
      `${url} is served as text/html, not JavaScript`,
    );
  });

  it('keeps the import error when the file itself is fine, or when there is no fetch', async () => {
    await expect(explainLoadFailure(url, importError, server({ cors: js() }))).resolves.toBe(
      String(importError),
    );
    await expect(explainLoadFailure(url, importError)).resolves.toBe(String(importError));
  });
});
