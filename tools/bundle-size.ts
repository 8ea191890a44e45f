import { brotliCompressSync, gzipSync } from 'node:zlib';

// Shared by the build (which prints sizes) and the budget test (which enforces them).

export interface FileInfo {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
}

export type Manifest = Readonly<Record<string, FileInfo>>;

export function measure(code: string | Uint8Array): Pick<FileInfo, 'raw' | 'gzip' | 'brotli'> {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes).length,
  };
}

/** A file and every file it imports statically, transitively: what loading it costs. */
export function staticClosure(manifest: Manifest, file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const info = manifest[name];
    if (!info) throw new Error(`${name} is not in the build manifest`);
    seen.add(name);
    for (const next of info.imports) visit(next);
  };
  visit(file);
  return seen;
}

/** Gzip bytes that loading `file` adds once everything in `already` is loaded. */
export function addedGzip(manifest: Manifest, file: string, already: readonly string[] = []): number {
  const loaded = new Set(already.flatMap((name) => [...staticClosure(manifest, name)]));
  let total = 0;
  for (const name of staticClosure(manifest, file)) if (!loaded.has(name)) total += manifest[name]?.gzip ?? 0;
  return total;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}
