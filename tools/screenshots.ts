// `npm run screenshots`: every widget state the visitor and the agent see, in light, dark and Arabic, at
// desktop and phone size, into one HTML gallery (.tmp/screenshots/index.html) to look at before calling a
// change to the UI done. States are reached through the public API and a Node agent, never by wording.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentClient } from '@tandem/sdk-core/agent';
import { type Browser, chromium, type Page } from 'playwright-core';
import { defaultConfigPath, type RunningHost, startHost } from '../examples/host/server';
import { chromiumFlags, chromiumPath } from '../tests/support/browser';
import { agentOverWebSocket, customerOverWebSocket } from '../tests/support/host';

const out = join(process.cwd(), '.tmp', 'screenshots');
const variants = [
  { name: 'light', query: '' },
  { name: 'dark', query: '?theme=dark' },
  { name: 'arabic', query: '?lang=ar' },
] as const;
const sizes = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;

interface Shot {
  readonly scene: string;
  readonly variant: string;
  readonly size: string;
  readonly file?: string;
  readonly failure?: string;
}

/** A Tandem command run by the page, as a site would. */
const command = (page: Page, name: string, payload?: unknown) =>
  page.evaluate(
    ([commandName, data]) =>
      (window as unknown as { Tandem: (...a: unknown[]) => Promise<unknown> }).Tandem(
        'command',
        commandName,
        data,
      ),
    [name, payload] as const,
  );

/** Alice over WebSocket: accepts every invitation, and remembers the last one. */
async function alice(url: Parameters<typeof agentOverWebSocket>[0]) {
  const agent = agentOverWebSocket(url, 'alice');
  const state = { last: '', taken: [] as string[] };
  agent.on('invite', ({ interactionId }) => {
    void agent.accept(interactionId).then(() => {
      state.last = interactionId;
      state.taken.push(interactionId);
    });
  });
  await agent.start();
  await agent.setState('Ready');
  return { agent, state };
}

const settle = (page: Page) => page.waitForTimeout(400); // animations and pushed events; pictures only

/** The visitor's states, in the order a visit reaches them. */
function scenes(
  agent: AgentClient,
  state: { last: string; taken: string[] },
): Array<[string, (page: Page) => Promise<void>]> {
  return [
    ['launcher', async () => undefined],
    ['selector', (page) => command(page, 'ChannelSelector.open').then(() => undefined)],
    [
      'pre-chat',
      async (page) => {
        await command(page, 'ChannelSelector.close');
        await command(page, 'Chat.open');
      },
    ],
    [
      'conversation',
      async (page) => {
        const before = state.last;
        await command(page, 'Chat.start', { fields: { name: 'Grace Hopper' } });
        for (let tries = 0; state.last === before && tries < 100; tries++) await page.waitForTimeout(100);
        await command(page, 'Chat.send', { text: 'Hello! Is the Ethiopian roast in stock?' });
        await agent.send(state.last, 'Yes, plenty of it. We roast every Tuesday and ship the next morning.');
        await agent.send(state.last, 'Anything else I can help with?');
        await agent.typing(state.last, true);
      },
    ],
    ['ended', (page) => command(page, 'Chat.end').then(() => undefined)],
    [
      'messaging',
      async (page) => {
        await command(page, 'Chat.close');
        await command(page, 'Messaging.open');
        await command(page, 'Messaging.send', { text: 'Can I change my delivery address?' });
      },
    ],
    [
      'click-to-call',
      async (page) => {
        await command(page, 'Messaging.close');
        await command(page, 'ClickToCall.open');
      },
    ],
    [
      'co-browse code',
      async (page) => {
        await command(page, 'ClickToCall.close');
        const { sessionId } = (await command(page, 'Cobrowse.start')) as { sessionId: string };
        (page as unknown as { sessionId: string }).sessionId = sessionId;
      },
    ],
    [
      'sharing bar',
      async (page) => {
        // A session started during a chat has its agent already: joining again is refused, and not needed.
        await agent.joinCobrowse((page as unknown as { sessionId: string }).sessionId).catch(() => undefined);
        await page.waitForFunction(() =>
          document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelector('.cobrowse-bar'),
        );
      },
    ],
    [
      'consent',
      async (page) => {
        await agent.requestWriteMode((page as unknown as { sessionId: string }).sessionId);
      },
    ],
  ];
}

async function visit(browser: Browser, url: string, agent: Awaited<ReturnType<typeof alice>>, shots: Shot[]) {
  for (const variant of variants)
    for (const size of sizes) {
      const { viewport, ...device } = size;
      const context = await browser.newContext({ viewport, ...('isMobile' in device ? device : {}) });
      const page = await context.newPage();
      await page.goto(`${url}/product.html${variant.query}`);
      await page.locator('[data-tandem-open]').first().waitFor();
      await page.waitForFunction(() =>
        document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelector('button'),
      );
      for (const [scene, reach] of scenes(agent.agent, agent.state)) {
        const shot = { scene, variant: variant.name, size: size.name };
        try {
          await reach(page);
          await settle(page);
          const file = `${scene.replace(/\W+/g, '-')}-${variant.name}-${size.name}.png`;
          await page.screenshot({ path: join(out, file) });
          shots.push({ ...shot, file });
        } catch (error) {
          shots.push({ ...shot, failure: (error as Error).message.split('\n')[0] ?? 'failed' });
        }
      }
      await context.close();
      // Alice ends and wraps up what this visitor left open, so that the next one is answered too.
      for (const id of agent.state.taken.splice(0)) {
        await agent.agent.end(id).catch(() => undefined);
        await agent.agent.wrapUp(id, 'Resolved').catch(() => undefined);
      }
    }
}

/** The agent desktop: an invitation ringing (countdown, Accept and Decline), then wrapped-up work put away. */
async function agentDesktop(browser: Browser, host: RunningHost, shots: Shot[]) {
  const shoot = async (page: Page, scene: string, variant: string) => {
    await settle(page);
    const file = `${scene.replace(/\W+/g, '-')}-${variant}.png`;
    await page.screenshot({ path: join(out, file) });
    shots.push({ scene, variant, size: 'desktop', file });
  };
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await (
      await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme })
    ).newPage();
    await page.goto(`${host.url}/agent/`);
    await page.getByLabel('Username').fill('bruno');
    await page.getByLabel('Password').fill('bruno');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel('My state').selectOption('Ready');
    const customer = customerOverWebSocket(host);
    customer.start();
    await customer.command('chat.start', { subject: 'billing', fields: { name: 'Grace Hopper' } });
    const invitations = page.getByRole('region', { name: 'Invitations' });
    await invitations.getByText('Grace Hopper').waitFor();
    await shoot(page, 'agent invitation', colorScheme);
    await invitations.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('button', { name: 'End chat' }).click();
    await page.getByRole('button', { name: 'Wrap up' }).click();
    await page.getByText(/^Wrapped up \(/).waitFor();
    await shoot(page, 'agent wrapped up', colorScheme);
    customer.stop();
    await page.context().close();
  }
}

function gallery(shots: readonly Shot[]): string {
  const asHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const figures = shots
    .map((shot) => {
      const caption = asHtml(`${shot.scene} · ${shot.variant} · ${shot.size}`);
      return shot.file
        ? `<figure><a href="${shot.file}"><img src="${shot.file}" alt="${caption}" loading="lazy"></a><figcaption>${caption}</figcaption></figure>`
        : `<figure class="failed"><figcaption>${caption}: ${asHtml(shot.failure ?? '')}</figcaption></figure>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Tandem screenshots</title>
<style>body{font:14px system-ui;margin:16px}main{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;width:320px}
img{width:100%;border:1px solid #ccc}.failed{color:#a4141d}</style>
<h1>Tandem: every state, ${shots.length} pictures</h1><main>${figures}</main></html>`;
}

mkdirSync(out, { recursive: true });
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours; // open around the clock, whatever the day
const host = await startHost({ port: 0, config });
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: chromiumFlags,
  headless: true,
});
const agent = await alice(host);
const shots: Shot[] = [];
try {
  await visit(browser, host.url, agent, shots);
  await agentDesktop(browser, host, shots);
} finally {
  agent.agent.stop();
  await browser.close();
  await host.close();
}
writeFileSync(join(out, 'index.html'), gallery(shots));
const failed = shots.filter((shot) => shot.failure);
console.log(`${shots.length - failed.length} pictures in ${join(out, 'index.html')}`);
for (const shot of failed)
  console.log(`  not reached: ${shot.scene} (${shot.variant}, ${shot.size}): ${shot.failure}`);
process.exit(failed.length ? 1 : 0);
