// WebDriver classic gives no access to WebKit's console, so a script that runs first in every page writes
// down what would have gone there. It is sent as source text: it must use nothing from outside itself.

/** Where the hook keeps what it saw: a window property, mirrored in sessionStorage to outlive navigation. */
export const problemsKey = '__tandemEngineProblems';

export function problemHook(key: string): void {
  let problems: string[] = [];
  try {
    problems = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[];
  } catch {
    // no storage here: this page's problems only
  }
  const record = (text: string) => {
    problems.push(text);
    try {
      sessionStorage.setItem(key, JSON.stringify(problems));
    } catch {
      // as above
    }
  };
  Object.defineProperty(window, key, { value: problems, configurable: true });
  const describe = (value: unknown) =>
    value instanceof Error
      ? `${value.name}: ${value.message}`
      : typeof value === 'string'
        ? value
        : String(value);
  addEventListener(
    'error',
    (event: Event) => {
      if (event instanceof ErrorEvent) {
        record(`uncaught: ${event.message}${event.filename ? ` (${event.filename}:${event.lineno})` : ''}`);
      } else {
        // A resource that failed to load: Chromium's console reports those too.
        const element = event.target as Element;
        record(
          `failed to load: <${element.localName}> ${element.getAttribute('src') ?? element.getAttribute('href') ?? ''}`,
        );
      }
    },
    true,
  );
  addEventListener('unhandledrejection', (event) =>
    record(`uncaught (in promise): ${describe(event.reason)}`),
  );
  addEventListener(
    'securitypolicyviolation',
    (event) =>
      record(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}${event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : ''}`,
      ),
    true,
  );
  for (const method of ['error', 'warn'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      record(`console.${method}: ${args.map(describe).join(' ')}`);
      original.apply(console, args);
    };
  }
}

/** The hook as a script file's text. */
export function problemHookScript(): string {
  return `(${problemHook.toString()})(${JSON.stringify(problemsKey)});\n`;
}
