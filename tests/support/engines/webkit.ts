import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, Capabilities, Key, type WebDriver, type WebElement } from 'selenium-webdriver';
import { findElement, readyToClick } from './find';
import { type HookProxy, startHookProxy } from './hook-proxy';
import type { Engine } from './index';
import { enginePage, type PageDriver, type Viewport } from './page';
import { problemsKey } from './problem-hook';
import { startXvfb, stopProcess } from './xvfb';

// WebKitGTK's MiniBrowser driven through WebKitWebDriver (Debian's webkit2gtk-driver) by selenium-webdriver,
// on a virtual display of our own. Each page gets its own driver and browser process: a fresh profile.

const driverPath = process.env.TANDEM_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const miniBrowserPath =
  process.env.TANDEM_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export function checkWebKit(): void {
  for (const path of [driverPath, miniBrowserPath]) {
    if (!existsSync(path)) {
      throw new Error(
        `${path} not found: install Debian's webkit2gtk-driver package (node tools/ensure-browsers.mjs does), or set TANDEM_WEBKIT_DRIVER and TANDEM_MINIBROWSER`,
      );
    }
  }
}

/**
 * MiniBrowser takes its language from the POSIX locale, which need not be installed: "en-US" → en_US.UTF-8.
 * "C" → C.UTF-8, Debian's default, where navigator.language is "C" (plain C would give en-US).
 */
function posixLocale(locale: string): string {
  return locale === 'C' ? 'C.UTF-8' : `${locale.replace('-', '_')}.UTF-8`;
}

export async function launchWebKit(options: { locale: string }): Promise<Engine> {
  checkWebKit();
  const screen = await startXvfb();
  const locale = posixLocale(options.locale);
  const env = { ...process.env, DISPLAY: screen.display, LANG: locale, LC_ALL: locale, LANGUAGE: '' };
  // One hook proxy per site origin, shared by the pages of this file.
  const proxies = new Map<string, Promise<HookProxy>>();
  const throughProxy = async (url: string) => {
    const target = new URL(url);
    if (!/^https?:$/.test(target.protocol)) return url;
    let proxy = proxies.get(target.origin);
    if (!proxy) {
      proxy = startHookProxy(target.origin);
      proxies.set(target.origin, proxy);
    }
    return `${(await proxy).origin}${target.pathname}${target.search}${target.hash}`;
  };
  return {
    name: 'webkit',
    newPage: (viewport) => openWebKitPage(env, viewport, throughProxy),
    close: async () => {
      for (const proxy of proxies.values()) await (await proxy).close();
      await screen.stop();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** WebKitWebDriver on a free port, once it answers. */
async function startDriver(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const child = spawn(driverPath, [`--port=${port}`, '--host=127.0.0.1'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Kept for the error message only (GTK complains about locales that are not installed: harmless).
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const stopOnExit = () => child.kill();
  process.once('exit', stopOnExit);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (
    !(await fetch(`${url}/status`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`WebKitWebDriver did not start on port ${port}: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      process.off('exit', stopOnExit);
      await stopProcess(child);
    },
  };
}

const keys = { Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB } as const;

async function openWebKitPage(
  env: NodeJS.ProcessEnv,
  viewport: Viewport,
  throughProxy: (url: string) => Promise<string>,
) {
  const server = await startDriver(env);
  const capabilities = new Capabilities();
  capabilities.set('browserName', 'MiniBrowser');
  capabilities.set('webkitgtk:browserOptions', { binary: miniBrowserPath, args: ['--automation'] });
  let driver: WebDriver;
  try {
    driver = await new Builder().usingServer(server.url).withCapabilities(capabilities).build();
    await setViewport(driver, viewport);
  } catch (error) {
    await server.stop();
    throw error;
  }

  // What the page reported, read before each navigation: another origin would not see its sessionStorage.
  const earlier: string[] = [];
  const takeProblems = (): Promise<string[]> =>
    driver.executeScript((key: string) => {
      if (location.protocol === 'about:') return [];
      const problems = (window as unknown as Record<string, string[] | undefined>)[key];
      if (!problems) return [`no problem hook in ${location.href}: errors there went unseen`];
      sessionStorage.removeItem(key);
      return problems.splice(0);
    }, problemsKey);

  const pageDriver: PageDriver = {
    engine: 'webkit',
    goto: async (url) => {
      // (A page that cannot answer now keeps its list in sessionStorage for the next page of its origin.)
      earlier.push(...(await takeProblems().catch(() => [])));
      await driver.get(await throughProxy(url));
    },
    evaluate: (fn, arg) => driver.executeScript(fn, arg) as never,
    act: async (query, action) => {
      const element = (await driver.executeScript(findElement, query)) as WebElement | null;
      if (!element) return false;
      if ('click' in action) {
        if (!(await driver.executeScript(readyToClick, element))) return false;
        await element.click();
      } else if ('type' in action) await element.sendKeys(action.type);
      else await element.sendKeys(keys[action.press]);
      return true;
    },
    takeProblems: async () => [...earlier.splice(0), ...(await takeProblems())],
    close: async () => {
      await driver.quit().catch(() => undefined);
      await server.stop();
    },
  };
  return enginePage(pageDriver);
}

/** The window's size is what WebDriver sets; the page's viewport is that less the window's own parts. */
async function setViewport(driver: WebDriver, viewport: Viewport): Promise<void> {
  await driver.manage().window().setRect(viewport);
  const [width, height] = (await driver.executeScript('return [innerWidth, innerHeight]')) as [
    number,
    number,
  ];
  if (width === viewport.width && height === viewport.height) return;
  await driver
    .manage()
    .window()
    .setRect({
      width: viewport.width * 2 - width,
      height: viewport.height * 2 - height,
    });
}
