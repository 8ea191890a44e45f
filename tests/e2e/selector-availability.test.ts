import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, useHost } from '../support/host';

const env = useHost();

describe('channel selector against the reference server (real Chromium)', () => {
  it('connects only when opened and shows live availability', async () => {
    const agent = agentOverWebSocket(env.host, 'alice');
    await agent.start();
    await agent.setState('Ready');

    const page = await (await env.browser.newContext()).newPage();
    const watched = watchPage(page);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
    await page.goto(`${env.host.url}/`);
    const launcher = page.getByRole('button', { name: 'Contact us' });
    await launcher.waitFor();
    expect(sockets).toEqual([]);
    await launcher.click();
    await page.getByRole('button', { name: /Chat with us\s*Available now/ }).waitFor();
    expect(sockets).toEqual(['/tandem']);
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.problems).toEqual([]);
    agent.stop();
  });
});
