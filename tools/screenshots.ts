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
async function alice(host: RunningHost) {
  const agent = agentOverWebSocket(host, 'alice');
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

/** Three visitors from Node in chats Alice accepted: her slots are full, so the next one waits in line. */
async function fillAlice(host: RunningHost, state: { taken: string[] }) {
  const fillers = [1, 2, 3].map(() => customerOverWebSocket(host));
  for (const filler of fillers) {
    filler.start();
    await filler.command('chat.start', { subject: 'orders', fields: { name: 'Someone' } });
  }
  for (let tries = 0; state.taken.length < 3 && tries < 100; tries++) await sleep(100);
  return fillers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The newest message of the visitor's own, by its id: what Alice marks as read. */
const lastOwnMessage = async (page: Page) => {
  const state = (await command(page, 'Chat.state')) as { messages: Array<{ id: string; from: string }> };
  return state.messages.filter((m) => m.from === 'customer').at(-1)?.id ?? '';
};

/** The visitor's states, in the order a visit reaches them. */
function scenes(
  host: RunningHost,
  empty: RunningHost,
  query: string,
  agent: AgentClient,
  state: { last: string; taken: string[] },
): Array<[string, (page: Page) => Promise<void>]> {
  let fillers: ReturnType<typeof customerOverWebSocket>[] = [];
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
      'in line with a wait',
      async (page) => {
        fillers = await fillAlice(host, state);
        await command(page, 'Chat.start', { subject: 'orders', fields: { name: 'Grace Hopper' } });
        await command(page, 'Chat.send', { text: 'Hello! Is the Ethiopian roast in stock?' });
        await page.waitForFunction(() =>
          document
            .querySelector('[data-tandem-host]')
            ?.shadowRoot?.querySelector('.waiting')
            ?.textContent?.includes('·'),
        );
      },
    ],
    [
      'conversation, read and typing',
      async (page) => {
        const before = state.last;
        // The chats ahead end: Alice takes the visitor's.
        for (const id of state.taken.splice(0)) await agent.end(id).catch(() => undefined);
        for (const filler of fillers) filler.stop();
        for (let tries = 0; state.last === before && tries < 100; tries++) await page.waitForTimeout(100);
        await agent.read(state.last, await lastOwnMessage(page));
        await agent.send(
          state.last,
          `Yes, plenty of it. ${'We roast every Tuesday and ship the next morning, so it is always fresh. '.repeat(2)}`,
        );
        await agent.send(state.last, 'Anything else I can help with?');
        await command(page, 'Chat.send', { text: 'No, thanks!' });
        await agent.read(state.last, await lastOwnMessage(page));
        await agent.typing(state.last, true);
      },
    ],
    ['ended with a rating', (page) => command(page, 'Chat.end').then(() => undefined)],
    [
      'chat lost in a restart',
      async (page) => {
        const before = state.last;
        await command(page, 'Chat.reset');
        await command(page, 'Chat.start', { fields: { name: 'Grace Hopper' } });
        for (let tries = 0; state.last === before && tries < 100; tries++) await page.waitForTimeout(100);
        // What a restart does to a chat that was not kept: the server no longer has it; the line drops.
        // (Alice's slot is given back by hand, as a restart would: the next visitors still find her.)
        host.contactCenter.interactions.delete(state.last);
        const alice = host.contactCenter.agents.get('alice');
        if (alice) alice.load.chat = Math.max(0, alice.load.chat - 1);
        for (const socket of host.sockets) socket.terminate();
        await page.waitForFunction(() =>
          document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelector('.ended'),
        );
      },
    ],
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
      'callback booked',
      async (page) => {
        await command(page, 'ClickToCall.close');
        await command(page, 'Callback.open');
        // An hour from now: booked, and not yet Alice's to take.
        const at = Math.ceil((Date.now() + 3600_000) / 1800_000) * 1800_000;
        await command(page, 'Callback.request', { phone: '+33612345678', firstName: 'Grace', at });
      },
    ],
    [
      'click-to-call number',
      async (page) => {
        await command(page, 'Callback.cancel').catch(() => undefined);
        await command(page, 'ClickToCall.close');
        await command(page, 'ClickToCall.open', {
          phone: '06 12 34 56 78',
          firstName: 'Grace',
          submit: true,
        });
        await page.waitForFunction(() =>
          document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelector('a[href^="tel:"]'),
        );
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
    [
      'selector, no agent logged in',
      async (page) => {
        await command(page, 'Cobrowse.end').catch(() => undefined);
        // The same shop on a contact center where nobody has logged in yet.
        await page.goto(`${empty.url}/product.html${query}`);
        await page.waitForFunction(() =>
          document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelector('button'),
        );
        await command(page, 'ChannelSelector.open');
      },
    ],
    [
      'leave a message',
      async (page) => {
        await command(page, 'ChannelSelector.close');
        await command(page, 'Chat.reset');
        await command(page, 'Chat.open');
        await page.waitForFunction(() =>
          document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelector('textarea[name="message"]'),
        );
      },
    ],
  ];
}

async function visit(browser: Browser, empty: RunningHost, shots: Shot[]) {
  for (const variant of variants)
    for (const size of sizes) {
      // A contact center of its own for each visitor: nothing one visit leaves waiting reaches the next.
      const host = await startHost({ port: 0, config });
      const url = host.url;
      const { viewport, ...device } = size;
      const context = await browser.newContext({ viewport, ...('isMobile' in device ? device : {}) });
      const page = await context.newPage();
      await page.goto(`${url}/product.html${variant.query}`);
      await page.locator('[data-tandem-open]').first().waitFor();
      await page.waitForFunction(() =>
        document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelector('button'),
      );
      const agent = await alice(host);
      for (const [scene, reach] of scenes(host, empty, variant.query, agent.agent, agent.state)) {
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
      agent.agent.stop();
      await host.close();
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

    // A visitor's chat, then their tab shared: the page takes the wide column, the conversation stays beside.
    const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await visitor.goto(`${host.url}/product.html`);
    await visitor.locator('[data-tandem-open]').first().waitFor();
    await command(visitor, 'Chat.start', { subject: 'billing', fields: { name: 'Ada Lovelace' } });
    await invitations.getByRole('button', { name: 'Accept' }).click();
    await command(visitor, 'Chat.send', { text: 'Which grind should I pick for a moka pot?' });
    await page.getByText('Which grind should I pick for a moka pot?').waitFor();
    await command(visitor, 'Cobrowse.start');
    await page.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
    await shoot(page, 'agent co-browse beside the chat', colorScheme);
    // The same visitor at checkout with privacy by default: only the heading and legends are unmasked.
    await visitor.goto(`${host.url}/checkout.html?privacy=mask-all`);
    await visitor.getByLabel('Full name').fill('Ada Lovelace');
    await page.waitForFunction(
      () =>
        document
          .querySelector<HTMLIFrameElement>('.cobrowse-view iframe')
          ?.contentDocument?.querySelector<HTMLInputElement>('[name="name"]')?.value === '••••••',
    );
    await shoot(page, 'agent co-browse under mask-all', colorScheme);
    await visitor.context().close();
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
const empty = await startHost({ port: 0, config });
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: chromiumFlags,
  headless: true,
});
const shots: Shot[] = [];
try {
  await visit(browser, empty, shots);
  // On the contact center nobody has worked on yet: the visits left messages and chats waiting on the other.
  await agentDesktop(browser, empty, shots);
} finally {
  await browser.close();
  await empty.close();
}
writeFileSync(join(out, 'index.html'), gallery(shots));
const failed = shots.filter((shot) => shot.failure);
console.log(`${shots.length - failed.length} pictures in ${join(out, 'index.html')}`);
for (const shot of failed)
  console.log(`  not reached: ${shot.scene} (${shot.variant}, ${shot.size}): ${shot.failure}`);
process.exit(failed.length ? 1 : 0);
