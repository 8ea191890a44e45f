import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

// WebKitGTK's MiniBrowser has no headless mode: it draws on a virtual X display of our own, started here
// so that any runner (npm script, bare vitest, an IDE) gets one, on a display number nobody else uses.

export interface VirtualDisplay {
  /** The DISPLAY value, ":N". */
  readonly display: string;
  stop(): Promise<void>;
}

export async function startXvfb(): Promise<VirtualDisplay> {
  // -displayfd: Xvfb picks a free display number itself and writes it on fd 3 once it accepts clients.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  xvfb.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    (xvfb.stdio[3] as Readable).on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfb.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error("Xvfb not found: install Debian's xvfb package (node tools/ensure-browsers.mjs does)")
          : error,
      ),
    );
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.join('').trim()}`)));
  });
  const stopOnExit = () => xvfb.kill();
  process.once('exit', stopOnExit);
  return {
    display: `:${number}`,
    stop: async () => {
      process.off('exit', stopOnExit);
      await stopProcess(xvfb);
    },
  };
}

/** SIGTERM, and SIGKILL if it is still there after five seconds. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
