// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Dependencies point one way: feature packages and the server depend on sdk-core, never on each other.
const allowed: Record<string, readonly string[]> = {
  'sdk-core': [],
  'channel-selector': ['sdk-core'],
  widgets: ['sdk-core'],
  cobrowse: ['sdk-core'],
  server: ['sdk-core'],
};
// Browser packages run on any page: no Node built-in, no server library.
const browserPackages = ['sdk-core', 'channel-selector', 'widgets', 'cobrowse'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

const specifiers = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map(
    (match) => match[1] ?? '',
  );

describe('package dependencies', () => {
  for (const [name, mayImport] of Object.entries(allowed)) {
    it(`${name} imports only ${mayImport.length ? mayImport.join(', ') : 'no other package'}, and stays inside its folder`, () => {
      const root = resolve('packages', name, 'src');
      const wrong: string[] = [];
      const seen = new Set<string>();
      for (const file of sources(root))
        for (const specifier of specifiers(file)) {
          seen.add(specifier);
          const other = /^@tandem\/([^/]+)/.exec(specifier)?.[1];
          if (other && !mayImport.includes(other)) wrong.push(`${relative('.', file)} → ${specifier}`);
          if (specifier.startsWith('.') && relative(root, resolve(file, '..', specifier)).startsWith('..'))
            wrong.push(`${relative('.', file)} → ${specifier}`);
          if (browserPackages.includes(name) && /^(node:|ws$|pg$|@electric-sql)/.test(specifier))
            wrong.push(`${relative('.', file)} → ${specifier}`);
        }
      expect(wrong).toEqual([]);
      // The scan reads imports at all: each allowed package is imported somewhere.
      for (const other of mayImport)
        expect([...seen].some((s) => s.startsWith(`@tandem/${other}`))).toBe(true);
    });
  }
});
