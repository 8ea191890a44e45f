import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import type { OutputChunk, Plugin, RollupOptions } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { addedGzip, formatKb, type Manifest, measure, staticClosure } from './tools/bundle-size';
import { cspSafeRrweb } from './tools/csp-safe-rrweb';
import { cssInTemplates } from './tools/minify-css';

// Dependencies' own annotations and cycles are theirs to fix; everything else stays loud.
const onwarn: RollupOptions['onwarn'] = (warning, warn) => {
  const fromDependency =
    warning.ids?.every((id) => id.includes('node_modules')) ?? warning.id?.includes('node_modules');
  if (fromDependency && (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION'))
    return;
  warn(warning);
};

const packages = ['sdk-core', 'channel-selector', 'widgets', 'cobrowse', 'server'] as const;
const sourceConditions = ['tandem-source', 'browser', 'import', 'default'];

// Type checking is `npm run typecheck`'s job; here TypeScript only transpiles, which keeps builds fast.
const transpile = (include = ['packages/*/src/**/*', 'script-tag/**/*']) =>
  typescript({
    tsconfig: './tsconfig.json',
    include,
    exclude: ['**/test/**'],
    compilerOptions: { noEmit: false, noCheck: true, declaration: false, sourceMap: false },
    outputToFilesystem: false,
  });

const isBare = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** Each package's entries: index, plus subpaths (sdk-core's /agent, /protocol and /conformance) and the server's command. */
const entries: Record<(typeof packages)[number], Record<string, string>> = {
  'sdk-core': {
    index: 'packages/sdk-core/src/index.ts',
    agent: 'packages/sdk-core/src/agent.ts',
    protocol: 'packages/sdk-core/src/protocol/index.ts',
    conformance: 'packages/sdk-core/src/conformance.ts',
  },
  'channel-selector': { index: 'packages/channel-selector/src/index.ts' },
  widgets: { index: 'packages/widgets/src/index.ts' },
  cobrowse: { index: 'packages/cobrowse/src/index.ts', agent: 'packages/cobrowse/src/agent.ts' },
  server: { index: 'packages/server/src/index.ts', cli: 'packages/server/src/cli.ts' },
};

// The recorder ships inside @tandem/cobrowse with its CSP fix, so npm users get it too.
const bundledInPackage = (id: string) => id === '@rrweb/record';

function packageBuilds(name: (typeof packages)[number]): RollupOptions[] {
  const input = entries[name];
  const dir = `packages/${name}/dist`;
  return [
    {
      input,
      external: (id) => isBare(id) && !bundledInPackage(id),
      plugins: [
        nodeResolve({ resolveOnly: ['@rrweb/record'], exportConditions: ['import', 'default'] }),
        cspSafeRrweb(),
        transpile(),
      ],
      output: { dir, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared-[hash].js' },
    },
    {
      input,
      external: isBare,
      plugins: [dts({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false } })],
      output: { dir, format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'shared-[hash].d.ts' },
    },
  ];
}

/** Writes dist/manifest.json (sizes and import graph) and prints each file's raw and gzip size. */
function sizeReport(label: string): Plugin {
  return {
    name: 'tandem-size-report',
    generateBundle(_options, bundle) {
      const manifest: Record<string, Manifest[string]> = {};
      for (const [fileName, file] of Object.entries(bundle)) {
        if (file.type !== 'chunk') continue;
        const chunk = file as OutputChunk;
        manifest[fileName] = {
          ...measure(chunk.code),
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
        };
      }
      const path = `dist/manifest-${label}.json`;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
      if (process.env.TANDEM_MODULES) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'chunk') continue;
          const rows = Object.entries(file.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength);
          for (const [id, m] of rows.slice(0, 25))
            console.log(`    ${String(m.renderedLength).padStart(7)} ${id.replace(process.cwd(), '')}`);
        }
      }
      const row = (label: string, raw: number, gzip: number) =>
        console.log(
          `  ${label.padEnd(44)} ${formatKb(raw).padStart(10)} raw ${formatKb(gzip).padStart(10)} gz`,
        );
      for (const [fileName, info] of Object.entries(manifest)) row(fileName, info.raw, info.gzip);
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry) continue;
        const closure = [...staticClosure(manifest, file.fileName)];
        const raw = closure.reduce((sum, name) => sum + (manifest[name]?.raw ?? 0), 0);
        row(`= entry ${file.fileName} with its static imports`, raw, addedGzip(manifest, file.fileName));
      }
    },
  };
}

const browserPlugins = () => [
  nodeResolve({ exportConditions: sourceConditions, extensions: ['.ts', '.tsx', '.mjs', '.js'] }),
  cspSafeRrweb(),
  cssInTemplates(),
  transpile(),
];

// Our sources touch nothing at import time (invariant 1), so unused modules can go; node-resolve already
// applies each dependency's own "sideEffects" field.
const treeshake = {
  moduleSideEffects: (id: string) => !/[\\/](packages[\\/][^\\/]+[\\/]src|script-tag)[\\/]/.test(id),
};

const minify = () =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 2, unsafe_arrows: true, unsafe_methods: true },
    format: { comments: false },
  });

const scriptTag: RollupOptions[] = [
  {
    input: 'script-tag/loader.ts',
    treeshake,
    plugins: [...browserPlugins(), sizeReport('loader')],
    output: { file: 'dist/tandem.js', format: 'iife', plugins: [minify()] },
  },
  {
    input: { 'tandem-app': 'script-tag/app.ts' },
    // Lazy chunks may import shared code from the entry itself: no facade, one request less at load.
    preserveEntrySignatures: 'allow-extension',
    treeshake,
    plugins: [...browserPlugins(), sizeReport('app')],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // Six hash characters (36 bits) name a release's chunks apart; the launcher lists every chunk's name.
      chunkFileNames: 'chunks/[name]-[hash:6].js',
      plugins: [minify()],
    },
  },
];

// Example apps that run in the browser (served by the example host), built from the packages' sources.
const exampleApps: RollupOptions[] = [
  {
    input: 'examples/agent/src/main.tsx',
    treeshake,
    plugins: [
      nodeResolve({ exportConditions: sourceConditions, extensions: ['.ts', '.tsx', '.mjs', '.js'] }),
      transpile(['packages/*/src/**/*', 'examples/*/src/**/*']),
    ],
    output: { file: 'examples/agent/build/app.js', format: 'es', plugins: [minify()] },
  },
  {
    // The demo shop's quick order: a framework-controlled form (Preact through preact/compat).
    input: 'examples/shop/src/main.tsx',
    treeshake,
    plugins: [
      nodeResolve({ exportConditions: sourceConditions, extensions: ['.ts', '.tsx', '.mjs', '.js'] }),
      transpile(['examples/*/src/**/*']),
    ],
    output: { file: 'examples/shop/build/order.js', format: 'es', plugins: [minify()] },
  },
  {
    // The shop's shadow-DOM forms: "Book a table" with Lit, "Support ticket" with plain custom elements.
    input: { booking: 'examples/shop/src/booking.ts', ticket: 'examples/shop/src/ticket.ts' },
    treeshake,
    plugins: [
      nodeResolve({ exportConditions: sourceConditions, extensions: ['.ts', '.mjs', '.js'] }),
      transpile(['examples/*/src/**/*']),
    ],
    output: {
      dir: 'examples/shop/build',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'shared-[hash].js',
      plugins: [minify()],
    },
  },
];

// The npm example resolves the packages as an npm user would: their built dist/, not their sources.
exampleApps.push({
  input: {
    app: 'examples/npm-example/src/main.ts',
    'own-backend': 'examples/npm-example/src/own-backend.ts',
  },
  plugins: [
    nodeResolve({ exportConditions: ['browser', 'import', 'default'], extensions: ['.ts', '.mjs', '.js'] }),
    transpile(['examples/npm-example/src/**/*']),
  ],
  output: {
    dir: 'examples/npm-example/build',
    entryFileNames: '[name].js',
    chunkFileNames: 'shared-[hash].js',
    format: 'es',
    plugins: [minify()],
  },
});

export default [...packages.flatMap(packageBuilds), ...scriptTag, ...exampleApps].map((options) => ({
  ...options,
  onwarn,
}));
