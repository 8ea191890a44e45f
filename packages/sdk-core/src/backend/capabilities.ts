import type { BackendAdapter } from './adapter';

/** The features a backend may offer; availability and the connection are always there. */
export const capabilityNames = ['chat', 'messaging', 'clickToCall', 'callback', 'cobrowse'] as const;
export type Capability = (typeof capabilityNames)[number];

/** Whether the backend offers a feature: its API is there (a backend without messaging leaves it out). */
export function offers(backend: BackendAdapter | null | undefined, capability: Capability): boolean {
  return backend?.[capability] !== undefined;
}

/** The capability a command needs, if any: its feature's namespace, lower-camel ("ClickToCall.open": clickToCall). */
export function capabilityOf(command: string): Capability | undefined {
  const name = command.charAt(0).toLowerCase() + command.slice(1, command.indexOf('.'));
  return capabilityNames.find((capability) => capability === name);
}
