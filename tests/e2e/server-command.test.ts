import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { verifyPassword } from '../../packages/server/src/auth/passwords';

// The built `tandem-server` command, as an operator runs it: flags, --help, a clean stop on SIGTERM.
const bin = 'packages/server/bin/tandem-server.js';
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
  child.stdin?.end(input ?? '');
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

  it('names a config file it cannot read, in one line', async () => {
    const missing = run(['--config', '/nonexistent/contact-center.json']);
    expect(await missing.exited).toBe(1);
    expect(missing.output().stderr.trim()).toBe(
      'tandem-server: Tandem server config: cannot read /nonexistent/contact-center.json',
    );
  });

  it('refuses the demo file (plain passwords) unless told it is a demo', async () => {
    const real = run(['--port', '0', '--config', defaultConfigPath]);
    expect(await real.exited).toBe(1);
    expect(real.output().stderr).toContain('agents[0].password: expected a scrypt hash');
  });

  it('hashes a password read on standard input', async () => {
    const hashing = run(['hash-password'], {}, 'correct horse battery\n');
    expect(await hashing.exited).toBe(0);
    const hash = hashing.output().stdout.trim();
    expect(hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    const empty = run(['hash-password'], {}, '');
    expect(await empty.exited).toBe(2);
  });

  it('serves the contact center where it says, says it is a demo, and stops cleanly on SIGTERM', async () => {
    const server = run(['--port', '0', '--demo', '--memory'], { TANDEM_CONFIG: defaultConfigPath });
    await expect.poll(() => server.output().stdout, { timeout: 20_000 }).toContain('listening on');
    const url = /listening on (http:\/\/\S+)/.exec(server.output().stdout)?.[1];
    expect(server.output().stderr).toContain('demo mode');
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', sessions: 0 });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
