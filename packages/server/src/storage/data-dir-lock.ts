import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process per data folder: the embedded PostgreSQL has no lock of its own, and two writers would
 * corrupt it. A lock left by a process that died (SIGKILL, a crash) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'tandem.lock');
  const holder = Number.parseInt(readIfAny(path), 10);
  if (holder && isAlive(holder)) {
    throw new Error(
      `Tandem storage: ${dataDir} is in use by another tandem-server (process ${holder}); stop it, or give each server its own --data-dir (several servers share PostgreSQL through --database-url)`,
    );
  }
  writeFileSync(path, String(process.pid));
  return () => {
    if (readIfAny(path) === String(process.pid)) rmSync(path, { force: true });
  };
}

function readIfAny(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
