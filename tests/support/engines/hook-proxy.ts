import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { problemHookScript } from './problem-hook';

// WebDriver classic cannot run a script before a page's own (WebKit has no BiDi here). This proxy stands in
// front of the site and adds one same-origin <script src> at the top of every HTML page, which the site's
// strict CSP (script-src 'self') allows. Everything else, WebSocket upgrades included, passes unchanged,
// except the Origin header, set back to the site's own so that its WebSocket origin check still applies.

const hookPath = '/__tandem-engine-hook.js';
const hookTag = `<script src="${hookPath}"></script>`;

export interface HookProxy {
  /** The proxy's origin, standing for `target`'s. */
  readonly origin: string;
  close(): Promise<void>;
}

export async function startHookProxy(target: string): Promise<HookProxy> {
  const site = new URL(target);
  const siteHeaders = (headers: IncomingHttpHeaders): IncomingHttpHeaders => ({
    ...headers,
    host: site.host,
    ...(headers.origin ? { origin: site.origin } : {}),
  });
  const script = problemHookScript();

  const server = createServer((incoming, outgoing) => {
    if (incoming.url === hookPath) {
      outgoing.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      outgoing.end(script);
      return;
    }
    // Plain bodies only, so that an HTML page can be edited.
    const { 'accept-encoding': _encoding, ...headers } = siteHeaders(incoming.headers);
    const forwarded = httpRequest(
      { host: site.hostname, port: site.port, method: incoming.method, path: incoming.url, headers },
      (response) => {
        // A page with a body: not a 304's or a HEAD's empty answer.
        const isPage =
          response.statusCode === 200 &&
          incoming.method !== 'HEAD' &&
          /^text\/html/.test(response.headers['content-type'] ?? '');
        if (!isPage) {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const html = Buffer.concat(chunks).toString('utf8');
          const head = /<head(\s[^>]*)?>/i.exec(html);
          const at = head ? head.index + head[0].length : 0;
          const body = Buffer.from(`${html.slice(0, at)}${hookTag}${html.slice(at)}`);
          const { 'content-length': _length, ...rest } = response.headers;
          outgoing.writeHead(response.statusCode ?? 502, { ...rest, 'content-length': body.length });
          outgoing.end(body);
        });
      },
    );
    forwarded.on('error', (error) => {
      outgoing.writeHead(502).end(`proxy: ${error.message}`);
    });
    incoming.pipe(forwarded);
  });

  // WebSocket: the upgrade request goes on with the site's Origin, then bytes flow both ways.
  const tunnels = new Set<{ destroy(): void }>();
  server.on('upgrade', (incoming, socket, head) => {
    tunnels.add(socket);
    const upstream = connect(Number(site.port), site.hostname, () => {
      const headers = siteHeaders(incoming.headers);
      const lines = [`${incoming.method} ${incoming.url} HTTP/1.1`];
      for (const [name, value] of Object.entries(headers)) {
        for (const each of Array.isArray(value) ? value : [value])
          if (each !== undefined) lines.push(`${name}: ${each}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const end = () => {
      tunnels.delete(socket);
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', end);
    socket.on('error', end);
    upstream.on('close', end);
    socket.on('close', end);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const tunnel of tunnels) tunnel.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
