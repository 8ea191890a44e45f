import type { BackendAdapter } from './adapter';

/** The features a backend may offer; availability and the connection are always there. */
export const capabilityNames = ['chat', 'messaging', 'clickToCall', 'callback', 'cobrowse'] as const;
export type Capability = (typeof capabilityNames)[number];

/** The command namespace of each capability's feature, so that a missing one is refused by name. */
const namespaceCapability: Readonly<Record<string, Capability>> = {
  Chat: 'chat',
  Messaging: 'messaging',
  ClickToCall: 'clickToCall',
  Callback: 'callback',
  Cobrowse: 'cobrowse',
};

/** Whether the backend offers a feature: its API is there (a backend without messaging leaves it out). */
export function offers(backend: BackendAdapter | null | undefined, capability: Capability): boolean {
  return backend?.[capability] !== undefined;
}

/** The capability a command needs ("Callback.open": callback), if any. */
export function capabilityOf(command: string): Capability | undefined {
  const namespace = command.split('.')[0] ?? '';
  return Object.hasOwn(namespaceCapability, namespace) ? namespaceCapability[namespace] : undefined;
}
