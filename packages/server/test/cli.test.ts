// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseServerArgs, usage } from '../src/cli';

const problem = (argv: string[], env = {}) => {
  try {
    parseServerArgs(argv, env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the arguments to be refused');
};

describe('tandem-server arguments', () => {
  it('reads flags, and the environment where a flag is missing', () => {
    expect(
      parseServerArgs(
        ['--config', 'cc.json', '--port', '0', '--site', '/help/=public', '--sdk-dir', 'dist'],
        {
          HOST: '0.0.0.0',
          TANDEM_ALLOWED_ORIGINS: 'https://shop.example, https://b.example',
        },
      ),
    ).toEqual({
      help: false,
      configPath: 'cc.json',
      storage: { dataDir: 'tandem-data' },
      port: 0,
      host: '0.0.0.0',
      demo: false,
      allowedOrigins: ['https://shop.example', 'https://b.example'],
      sdkDir: 'dist',
      sites: [{ prefix: '/help/', dir: 'public' }],
    });
    expect(parseServerArgs([], { TANDEM_CONFIG: 'a.json', PORT: '9000' })).toMatchObject({
      configPath: 'a.json',
      port: 9000,
      host: '127.0.0.1',
    });
    expect(parseServerArgs(['--config', 'a.json', '--allowed-origins', '*'])).toMatchObject({
      allowedOrigins: '*',
    });
    expect(parseServerArgs(['--config', 'a.json', '--demo'])).toMatchObject({ demo: true });
    expect(parseServerArgs(['--config', 'a.json'], { TANDEM_DEMO: '1' })).toMatchObject({ demo: true });
    const token = 'a-gateway-token-of-thirty-two-chars';
    expect(parseServerArgs(['--config', 'a.json'], { TANDEM_PHONE_TOKEN: token })).toMatchObject({
      phoneToken: token,
    });
    expect(parseServerArgs(['--config', 'a.json'])).not.toHaveProperty('phoneToken');
  });

  it('keeps the state in PostgreSQL, an embedded one in a folder, or memory only', () => {
    const url = 'postgres://tandem@db.internal:5432/tandem';
    expect(parseServerArgs(['--config', 'a'], { DATABASE_URL: url })).toMatchObject({
      storage: { databaseUrl: url },
    });
    expect(
      parseServerArgs(['--config', 'a', '--database-schema', 'support'], { DATABASE_URL: url }),
    ).toMatchObject({ storage: { databaseUrl: url, schema: 'support' } });
    expect(problem(['--config', 'a', '--database-schema', 'Drop;'], { DATABASE_URL: url })).toBe(
      '--database-schema: expected a lower-case SQL name (letters, digits, _), got "Drop;"',
    );
    expect(parseServerArgs(['--config', 'a', '--data-dir', '/var/lib/tandem'])).toMatchObject({
      storage: { dataDir: '/var/lib/tandem' },
    });
    expect(parseServerArgs(['--config', 'a'], { TANDEM_DATA_DIR: 'state' })).toMatchObject({
      storage: { dataDir: 'state' },
    });
    expect(parseServerArgs(['--config', 'a', '--memory'])).not.toHaveProperty('storage');
    expect(problem(['--config', 'a', '--memory'], { DATABASE_URL: url })).toBe(
      '--memory: expected alone, without --database-url or --data-dir',
    );
    expect(problem(['--config', 'a', '--database-url', 'mysql://x'])).toBe(
      '--database-url: expected a postgres:// or postgresql:// connection string',
    );
  });

  it('lets a flag win over the environment', () => {
    expect(parseServerArgs(['--port', '1234'], { TANDEM_CONFIG: 'a', PORT: '9' })).toMatchObject({
      port: 1234,
    });
  });

  it('names the option and what it expects when the input is wrong', () => {
    expect(() =>
      parseServerArgs(['--config', 'a', '--data-dir', 'd'], { DATABASE_URL: 'postgres://h/db' }),
    ).toThrow('--data-dir: expected without --database-url (the state is in that database)');
    expect(problem([])).toBe('--config: expected the contact center file (or TANDEM_CONFIG)');
    expect(problem(['--config', 'a', '--port', 'http'])).toBe(
      '--port: expected a port number from 0 to 65535, got "http"',
    );
    expect(problem(['--config', 'a', '--port', '70000'])).toContain('--port');
    expect(problem(['--config', 'a', '--site', 'help=public'])).toBe(
      '--site: expected PREFIX=DIR with a prefix such as /help/, got "help=public"',
    );
    expect(problem(['--config', 'a', '--nope'])).toContain("'--nope'");
  });

  it('answers --help with a usage that lists every option', () => {
    expect(parseServerArgs(['--help'])).toEqual({ help: true });
    for (const option of [
      '--config',
      '--port',
      '--host',
      '--allowed-origins',
      '--sdk-dir',
      '--site',
      '--demo',
      'hash-password',
    ])
      expect(usage).toContain(option);
  });
});
