import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readStatic } from '@tandem/server';

/**
 * The demo shop's headers. It runs under a strict CSP (no inline script or style) to prove Tandem needs
 * none; served from another origin than Tandem, it allows exactly Tandem's files and its socket.
 */
export function shopHeaders(tandemOrigin?: string): Record<string, string> {
  const script = tandemOrigin ? `'self' ${tandemOrigin}` : "'self'";
  const socket = tandemOrigin ? tandemOrigin.replace(/^http/, 'ws') : 'ws: wss:';
  return {
    'content-security-policy': `default-src 'self'; script-src ${script}; style-src 'self'; img-src 'self' data:; connect-src 'self' ${socket}; frame-ancestors 'self'; base-uri 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}

/**
 * A shop page as a site on another origin writes it: the script tag points at Tandem's origin (a CDN or
 * the Tandem host), and a meta tag tells the shop's setup file where the backend is.
 */
export function crossOriginPage(html: string, tandemOrigin: string): string {
  const backend = `${tandemOrigin.replace(/^http/, 'ws')}/tandem`;
  return html
    .replace('src="/sdk/tandem.js"', `src="${tandemOrigin}/sdk/tandem.js"`)
    .replace('<head>', `<head>\n    <meta name="tandem-backend" content="${backend}" />`);
}

export interface ShopSite {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Serves the demo shop on its own origin, with Tandem (files and backend) on `tandemOrigin`. */
export async function startShopSite(options: {
  dir: string;
  tandemOrigin: string;
  port?: number;
  host?: string;
}): Promise<ShopSite> {
  const headers = shopHeaders(options.tandemOrigin);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    const readable = request.method === 'GET' || request.method === 'HEAD';
    const reading = readable ? readStatic(options.dir, path) : Promise.resolve(null);
    reading.then(
      (found) => {
        if (!found) {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
          return response.end('Not found');
        }
        const isPage = found.contentType.startsWith('text/html');
        const body = isPage ? crossOriginPage(found.body.toString('utf8'), options.tandemOrigin) : found.body;
        response.writeHead(200, {
          'content-type': found.contentType,
          'cache-control': 'no-cache',
          ...headers,
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${!options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
