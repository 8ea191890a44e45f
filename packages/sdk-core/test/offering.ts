import type { BackendAdapter, Capability, FullBackendAdapter } from '../src/index';

/** A full backend cut down to some features: another backend's shape, on the same server. */
export function offering(full: FullBackendAdapter, features: readonly Capability[]): BackendAdapter {
  const kept = Object.fromEntries(features.map((feature) => [feature, full[feature]]));
  return {
    connect: () => full.connect(),
    disconnect: () => full.disconnect(),
    get state() {
      return full.state;
    },
    onStateChange: full.onStateChange,
    availability: full.availability,
    ...kept,
  };
}
