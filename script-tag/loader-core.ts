// The script-tag loader's logic, kept free of feature code: it must stay under 3 KB gz.

export type GlobalApi = (action?: unknown, name?: unknown, argument?: unknown) => unknown;

export interface AppModule {
  boot(options: { config: unknown; base: string }): GlobalApi;
}

interface QueuedCall {
  readonly args: unknown[];
  resolve(value: unknown): void;
  reject(reason: unknown): void;
  cancelled?: boolean;
  unsubscribe?: () => void;
}

export interface LoaderHost {
  Tandem?: ((...args: unknown[]) => unknown) & { q?: ArrayLike<ArrayLike<unknown>>; loaded?: boolean };
  TandemConfig?: unknown;
}

export const appFileName = 'tandem-app.js';

/**
 * Keeps the last click on a custom launcher (`data-tandem-open`) made before Tandem is ready, and hands it
 * to the launcher code once it is: a visitor who clicks while the page is still loading is not ignored.
 */
export function holdEarlyLaunches(doc: Document): (app: GlobalApi) => void {
  let held: Element | null = null;
  const hold = (event: Event) => {
    const launcher = (event.target as Element | null)?.closest?.('[data-tandem-open]');
    if (!launcher) return;
    event.preventDefault();
    held = launcher;
  };
  doc.addEventListener('click', hold, true);
  return (app) =>
    app('subscribe', 'Tandem.ready', () => {
      doc.removeEventListener('click', hold, true);
      held?.dispatchEvent(new CustomEvent('tandem:open', { bubbles: true }));
      held = null;
    });
}
const noop = () => undefined;
const asIs = (_url: string, error: unknown) => Promise.resolve(String(error));

/**
 * Installs the real global `Tandem` over the queue stub, replays queued calls in order once the app
 * chunk has loaded from the loader's own base URL, and never throws into the host page.
 */
export function installLoader(
  host: LoaderHost,
  scriptSrc: string,
  load: (url: string) => Promise<AppModule>,
  booted: (app: GlobalApi) => void = noop,
  explain: (url: string, error: unknown) => Promise<string> = asIs,
) {
  const stub = host.Tandem;
  if (stub?.loaded) return;
  const queue: QueuedCall[] = Array.from(stub?.q ?? [], (args) => ({
    args: Array.from(args),
    resolve: noop,
    reject: noop,
  }));
  let app: GlobalApi | undefined;
  let failure: unknown;

  const api = (...args: unknown[]): unknown => {
    if (app) return app(args[0], args[1], args[2]);
    if (failure) return args[0] === 'subscribe' ? noop : Promise.reject(failure);
    if (args[0] === 'subscribe') {
      const call: QueuedCall = { args, resolve: noop, reject: noop };
      queue.push(call);
      return () => {
        call.cancelled = true;
        call.unsubscribe?.();
      };
    }
    return new Promise((resolve, reject) => queue.push({ args, resolve, reject }));
  };
  api.loaded = true;
  host.Tandem = api;

  const base = scriptSrc.slice(0, scriptSrc.lastIndexOf('/') + 1);
  const config = host.TandemConfig ?? queue.find((call) => call.args[0] === 'init')?.args[1];
  const appUrl = base + appFileName;
  load(appUrl)
    .then((module) => {
      app = module.boot({ config, base });
      booted(app);
      for (const call of queue.splice(0)) {
        if (call.cancelled) continue;
        if (call.args[0] === 'init') {
          call.resolve(undefined);
          continue;
        }
        const result = app(call.args[0], call.args[1], call.args[2]);
        if (call.args[0] === 'subscribe') call.unsubscribe = result as () => void;
        else Promise.resolve(result).then(call.resolve, call.reject);
      }
    })
    .catch((error: unknown) => explain(appUrl, error).catch(() => String(error)))
    .then((cause) => {
      if (cause === undefined) return;
      failure = { code: 'load_failed', message: `Tandem could not load from ${base}: ${cause}` };
      console.error((failure as { message: string }).message);
      for (const call of queue.splice(0)) call.reject(failure);
    });
}
