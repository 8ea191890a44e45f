import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readStatic } from './static';

// Content-hashed chunks never change under their name; the entry files keep theirs across releases.
const hashedChunk = /^\/chunks\/.+-[\w-]{6,}\.js$/;

/**
 * The headers a CDN serving Tandem's files must send: the files are public and loaded as modules from
 * any site (CORS), typed and never sniffed, hashed chunks cached for good and entry files briefly.
 */
export function sdkHeaders(path: string, contentType: string, etag: string): Record<string, string> {
  return {
    'content-type': contentType,
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'x-content-type-options': 'nosniff',
    'cache-control': hashedChunk.test(path)
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=300, must-revalidate',
    etag,
  };
}

/** Serves one of the built SDK files under `dir`, answering revalidations with 304. */
export async function serveSdkFile(
  request: IncomingMessage,
  response: ServerResponse,
  dir: string,
  path: string,
): Promise<boolean> {
  const found = await readStatic(dir, path);
  if (!found) return false;
  const etag = `"${createHash('sha256').update(found.body).digest('base64url').slice(0, 22)}"`;
  const headers = sdkHeaders(path, found.contentType, etag);
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  response.writeHead(200, { ...headers, 'content-length': String(found.body.length) });
  response.end(request.method === 'HEAD' ? undefined : found.body);
  return true;
}
