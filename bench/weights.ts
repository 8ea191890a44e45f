// Weight: gzip and brotli sizes of every Tandem entry next to its peers, installed from npm into
// bench/peers (a workspace of its own that the product never imports), measured the same way.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('../', import.meta.url));
const peersDir = fileURLToPath(new URL('./peers/', import.meta.url));

export interface Weight {
  readonly name: string;
  readonly group: 'tandem' | 'peer' | 'floor';
  readonly what: string;
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

function weigh(name: string, group: Weight['group'], what: string, code: Buffer | string): Weight {
  const bytes = Buffer.from(code);
  return {
    name,
    group,
    what,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Files compressed one by one, as a browser fetches them, and summed. */
function weighFiles(name: string, group: Weight['group'], what: string, files: string[]): Weight {
  const parts = files.map((file) => weigh(name, group, what, readFileSync(file)));
  const sum = (key: 'raw' | 'gzip' | 'brotli') => parts.reduce((total, part) => total + part[key], 0);
  return { name, group, what, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** An npm entry bundled and minified for the browser, as a site's own build would ship it. */
async function bundle(source: string, resolveFrom: string): Promise<string> {
  const build = await rollup({
    input: 'entry',
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? id : null),
        load: (id) => (id === 'entry' ? source : null),
      },
      nodeResolve({ browser: true, rootDir: resolveFrom, modulePaths: [`${resolveFrom}/node_modules`] }),
    ],
    onwarn: () => undefined,
  });
  const { output } = await build.generate({
    format: 'es',
    inlineDynamicImports: true,
    plugins: [terser({ ecma: 2020, module: true, format: { comments: false } })],
  });
  await build.close();
  return output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
}

/**
 * The peers' workspace, installed from its lockfile the first time. `npm install --no-save` rather than
 * `npm ci`: npm 11's ci rejects this lockfile for optional platform packages (cbor-extract's) it never lists.
 */
export function installPeers(): void {
  if (existsSync(`${peersDir}node_modules/cobrowse-sdk-js`)) return;
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: peersDir,
    stdio: 'inherit',
  });
}

const peerVersion = (name: string) =>
  (JSON.parse(readFileSync(`${peersDir}node_modules/${name}/package.json`, 'utf8')) as { version: string })
    .version;

export async function measureWeights(): Promise<Weight[]> {
  const dist = (file: string) => `${root}dist/${file}`;
  const manifest = JSON.parse(readFileSync(dist('manifest-app.json'), 'utf8')) as Record<
    string,
    { imports?: string[] }
  >;
  const chunk = (prefix: string) => {
    const found = readdirSync(dist('chunks')).filter((file) => file.startsWith(`${prefix}-`));
    // Earlier builds leave their chunks behind: the manifest names this build's.
    const current = found.find((file) => `chunks/${file}` in manifest);
    if (!current) throw new Error(`no ${prefix} chunk in this build`);
    return dist(`chunks/${current}`);
  };
  const closure = (file: string, seen = new Set<string>()): string[] => {
    if (seen.has(file)) return [];
    seen.add(file);
    return [file, ...(manifest[file]?.imports ?? []).flatMap((next) => closure(next, seen))];
  };
  const withImports = (file: string, loaded: string[]) =>
    closure(file)
      .filter((name) => !loaded.includes(name))
      .map((name) => dist(name));
  const launcher = closure('tandem-app.js');
  const chat = chunk('chat').replace(dist(''), '');
  const call = chunk('call').replace(dist(''), '');
  const cobrowse = chunk('cobrowse').replace(dist(''), '');
  const live = chunk('live').replace(dist(''), '');
  const agentViewer = await bundle(
    "export { mountCobrowseViewer } from '@tandem/cobrowse/agent';",
    `${root}packages/cobrowse`,
  );

  const weights: Weight[] = [
    weigh('Tandem loader', 'tandem', 'dist/tandem.js (the script tag)', readFileSync(dist('tandem.js'))),
    weighFiles(
      'Tandem launcher + selector',
      'tandem',
      'tandem-app.js with its static imports',
      launcher.map(dist),
    ),
    weighFiles(
      'Tandem chat, added',
      'tandem',
      'the chat chunk and what it adds',
      withImports(chat, launcher),
    ),
    weighFiles(
      'Tandem click-to-call, added',
      'tandem',
      'the call chunk and what it adds',
      withImports(call, launcher),
    ),
    weighFiles(
      'Tandem co-browse customer',
      'tandem',
      'the co-browse chunk and rrweb record with the executor',
      [...withImports(cobrowse, launcher), ...withImports(live, [...launcher, ...closure(cobrowse)])],
    ),
    weigh('Tandem agent viewer', 'tandem', '@tandem/cobrowse/agent with rrweb replay, bundled', agentViewer),
  ];

  installPeers();
  const cobrowseIo = `${peersDir}node_modules/cobrowse-sdk-js/dist/CobrowseIO.js`;
  const livechat = `${peersDir}node_modules/@rocket.chat/livechat/build/`;
  const livechatScripts = [
    ...readFileSync(`${livechat}index.html`, 'utf8').matchAll(/<script src="livechat\/([^"]+)"/g),
  ].map((match) => `${livechat}${match[1]}`);
  weights.push(
    weighFiles(
      `cobrowse-sdk-js ${peerVersion('cobrowse-sdk-js')}`,
      'peer',
      'dist/CobrowseIO.js (its script build)',
      [cobrowseIo],
    ),
    weigh(
      `@openreplay/tracker ${peerVersion('@openreplay/tracker')} + tracker-assist ${peerVersion('@openreplay/tracker-assist')}`,
      'peer',
      'both entries bundled and minified',
      await bundle(
        "import Tracker from '@openreplay/tracker'; import trackerAssist from '@openreplay/tracker-assist'; export { Tracker, trackerAssist };",
        peersDir,
      ),
    ),
    weighFiles(
      `@rocket.chat/livechat ${peerVersion('@rocket.chat/livechat')}`,
      'peer',
      'its loader and the widget scripts its frame loads',
      [`${livechat}rocketchat-livechat.min.js`, ...livechatScripts],
    ),
    weigh(
      `@rrweb/record ${peerVersion('@rrweb/record')}`,
      'floor',
      'record alone, bundled and minified: the floor for co-browse',
      await bundle("export { record } from '@rrweb/record';", peersDir),
    ),
  );
  return weights;
}
