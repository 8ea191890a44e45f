import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';

// The built `tandem-server` command, as an operator runs it: flags, --help, a clean stop on SIGTERM.
const bin = 'packages/server/bin/tandem-server.js';
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('tandem-server (the built command)', () => {
  it('prints its usage for --help, and refuses a wrong option naming it', async () => {
    const help = run(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output().stdout).toContain('Usage: tandem-server --config FILE');
    const wrong = run(['--config', defaultConfigPath, '--port', 'eighty']);
    expect(await wrong.exited).toBe(2);
    expect(wrong.output().stderr).toContain('--port: expected a port number from 0 to 65535, got "eighty"');
  });

  it('serves the contact center where it says, and stops cleanly on SIGTERM', async () => {
    const server = run(['--port', '0'], { TANDEM_CONFIG: defaultConfigPath });
    await expect.poll(() => server.output().stdout, { timeout: 20_000 }).toContain('listening on');
    const url = /listening on (http:\/\/\S+)/.exec(server.output().stdout)?.[1];
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', sessions: 0 });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
