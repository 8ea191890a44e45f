import type { BackendAdapter } from './adapter';

/** The features a backend may offer; availability and the connection are always there. */
export const capabilityNames = ['chat', 'messaging', 'clickToCall', 'callback', 'cobrowse'] as const;
export type Capability = (typeof capabilityNames)[number];

/** Whether the backend offers a feature: its API is there (a backend without messaging leaves it out). */
export function offers(backend: BackendAdapter | null | undefined, capability: Capability): boolean {
  return backend?.[capability] != null;
}

/**
 * The features a command needs, any one of them, if any: its feature's namespace in lower camel case
 * ("Chat.open": chat). The call window serves calls and callbacks alike: only opening it for a call needs calls.
 */
export function capabilitiesFor(command: string): readonly Capability[] | undefined {
  const [namespace = '', verb] = command.split('.');
  const name = capabilityNames.find((c) => c === namespace.charAt(0).toLowerCase() + namespace.slice(1));
  if (name !== 'clickToCall' || verb === 'open') return name && [name];
  return ['clickToCall', 'callback'];
}
