import { createSessionClient } from '@tandem/sdk-core';
import { commands } from '@tandem/sdk-core/protocol';
import { expect, it } from 'vitest';
import { contactCenter } from './harness';

// Every command the protocol defines has a handler on the reference server, for the role its name gives
// (agent.* the agent's, the rest the customer's): a schema without a handler would answer unknown_command.
it('handles every command of the protocol, each for its role', async () => {
  const cc = contactCenter();
  const client = (role: 'customer' | 'agent') => {
    const session = createSessionClient({
      transport: cc.transport(),
      role,
      clock: cc.clock,
      ...(role === 'agent' ? { credentials: { username: 'ada', password: 'ada-pass' } } : {}),
    });
    session.start();
    return session;
  };
  const customer = client('customer');
  const agent = client('agent');
  await cc.settle(10);
  const unknown: string[] = [];
  for (const name of Object.keys(commands)) {
    const session = name.startsWith('agent.') ? agent : customer;
    // An empty payload: refused as invalid (or by the domain), never as an unknown command.
    const outcome = await cc
      .settled(session.command(name, { '': 1 }))
      .catch((error: { code: string }) => error);
    if ((outcome as { code?: string })?.code === 'unknown_command') unknown.push(name);
  }
  expect(unknown).toEqual([]);
  // And the other role's commands are not this role's.
  const wrongRole = await cc
    .settled(customer.command('agent.me', {}))
    .catch((error: { code: string }) => error);
  expect(wrongRole).toMatchObject({ code: 'unknown_command' });
});
