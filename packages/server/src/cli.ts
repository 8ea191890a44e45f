import { parseArgs } from 'node:util';
import { hashPassword } from './auth/passwords';
import { readConfigFile, type ServerOptions, type StaticSite, startServer } from './http/host';

export const usage = `Usage: tandem-server --config FILE [options]
       tandem-server hash-password < password.txt

Runs the Tandem contact center: the WebSocket endpoint /tandem (protocol v1) and JSON under /api/.
hash-password reads a password on standard input and prints its scrypt hash for the config's agents.

Options (most also read from the environment variable named after them):
  --config FILE            contact center: agents, subjects, hours, number pools (TANDEM_CONFIG)
  --database-url URL       keep everything in this PostgreSQL database (DATABASE_URL)
  --database-schema NAME   in this schema of it, created if missing (TANDEM_DATABASE_SCHEMA)
  --data-dir DIR           else in an embedded PostgreSQL in this folder (TANDEM_DATA_DIR,
                           default ./tandem-data)
  --memory                 else keep nothing: a restart forgets every conversation (TANDEM_MEMORY=1)
  --port N                 port to listen on; 0 picks a free one (PORT, default 8080)
  --host ADDRESS           address to listen on (HOST, default 127.0.0.1; 0.0.0.0 for every interface)
  --allowed-origins LIST   comma-separated browser origins allowed on the WebSocket besides the
                           server's own, or * for any (TANDEM_ALLOWED_ORIGINS)
  --sdk-dir DIR            serve the built script-tag bundles at /sdk/ as a CDN would (TANDEM_SDK_DIR)
  --site PREFIX=DIR        serve a folder of static pages under a path prefix; repeatable
  --demo                   demo mode: agents may sign in with plain passwords from the config (TANDEM_DEMO=1)
  --help                   print this and exit

Environment only (secrets stay out of the process list):
  TANDEM_PHONE_TOKEN       the token a telephony gateway sends as Authorization: Bearer on /api/phone/
                           (32 characters or more); without it that API is off outside demo mode
`;

/** What the command line and the environment ask for, or an error naming the option and what it expects. */
export function parseServerArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): { help: true } | (Omit<ServerOptions, 'config'> & { help: false; configPath: string }) {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      config: { type: 'string' },
      'database-url': { type: 'string' },
      'database-schema': { type: 'string' },
      'data-dir': { type: 'string' },
      memory: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allowed-origins': { type: 'string' },
      'sdk-dir': { type: 'string' },
      site: { type: 'string', multiple: true },
      demo: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: true };
  const configPath = values.config ?? env.TANDEM_CONFIG;
  if (!configPath) throw new Error('--config: expected the contact center file (or TANDEM_CONFIG)');
  const portText = values.port ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new Error(`--port: expected a port number from 0 to 65535, got ${JSON.stringify(portText)}`);
  const origins = values['allowed-origins'] ?? env.TANDEM_ALLOWED_ORIGINS;
  const sdkDir = values['sdk-dir'] ?? env.TANDEM_SDK_DIR;
  const sites = (values.site ?? []).map(site);
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  const memory = values.memory === true || env.TANDEM_MEMORY === '1';
  if (memory && (databaseUrl || values['data-dir']))
    throw new Error('--memory: expected alone, without --database-url or --data-dir');
  if (databaseUrl && values['data-dir'])
    throw new Error('--data-dir: expected without --database-url (the state is in that database)');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error('--database-url: expected a postgres:// or postgresql:// connection string');
  const schema = values['database-schema'] ?? env.TANDEM_DATABASE_SCHEMA;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(
      `--database-schema: expected a lower-case SQL name (letters, digits, _), got ${JSON.stringify(schema)}`,
    );
  if (schema !== undefined && !databaseUrl)
    throw new Error('--database-schema: expected with --database-url');
  const storage = memory
    ? undefined
    : databaseUrl
      ? { databaseUrl, ...(schema ? { schema } : {}) }
      : { dataDir: values['data-dir'] ?? env.TANDEM_DATA_DIR ?? 'tandem-data' };
  return {
    help: false,
    configPath,
    ...(storage ? { storage } : {}),
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    demo: values.demo === true || env.TANDEM_DEMO === '1',
    ...(env.TANDEM_PHONE_TOKEN ? { phoneToken: env.TANDEM_PHONE_TOKEN } : {}),
    ...(origins ? { allowedOrigins: origins.trim() === '*' ? '*' : list(origins) } : {}),
    ...(sdkDir ? { sdkDir } : {}),
    ...(sites.length ? { sites } : {}),
  };
}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function site(text: string): StaticSite {
  const [prefix, dir] = [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)];
  if (!text.includes('=') || !prefix.startsWith('/') || !prefix.endsWith('/') || !dir)
    throw new Error(`--site: expected PREFIX=DIR with a prefix such as /help/, got ${JSON.stringify(text)}`);
  return { prefix, dir };
}

/** The command: parse, start, print where it listens, stop cleanly on SIGINT and SIGTERM. */
export async function main(argv: readonly string[], env: Readonly<Record<string, string | undefined>>) {
  if (argv[0] === 'hash-password') return printHash();
  let parsed: ReturnType<typeof parseServerArgs>;
  try {
    parsed = parseServerArgs(argv, env);
  } catch (error) {
    console.error(`tandem-server: ${(error as Error).message}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    process.stdout.write(usage);
    return;
  }
  const { help: _, configPath, ...options } = parsed;
  // A missing or bad config file, or a busy port: say which, without a stack trace.
  const running = await Promise.resolve()
    .then(() => startServer({ ...options, config: readConfigFile(configPath) }))
    .catch((error: unknown) => {
      console.error(`tandem-server: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
  process.stdout.write(
    `tandem-server listening on ${running.url} (WebSocket ${running.url.replace('http', 'ws')}/tandem)\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void running.close().then(() => process.exit(0)));
}

/** The first line of standard input (never an argument: shells keep those in their history), hashed. */
async function printHash(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const password = input.split(/\r?\n/, 1)[0] ?? '';
  if (!password) {
    console.error('tandem-server hash-password: expected a password on standard input');
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}
