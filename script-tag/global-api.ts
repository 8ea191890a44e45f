import { ErrorCode, type Tandem, tandemError } from '@tandem/sdk-core';
import type { GlobalApi } from './loader-core';

/** The `Tandem(action, name, argument)` function of the script-tag contract, over one instance. */
export function createGlobalApi(tandem: Tandem): GlobalApi {
  return (action, name, argument) => {
    switch (action) {
      case 'command':
        if (typeof name !== 'string') return reject('command name', name);
        return tandem.command(name, argument as never);
      case 'subscribe':
        if (typeof name !== 'string' || typeof argument !== 'function') {
          console.error('Tandem: subscribe needs an event name and a handler function');
          return () => undefined;
        }
        return tandem.on(name, argument as (payload: unknown) => void);
      case 'unsubscribe':
        if (typeof name === 'string' && typeof argument === 'function') {
          tandem.off(name, argument as (payload: unknown) => void);
        }
        return undefined;
      case 'init':
        // Config is read once at load; a later init is a no-op rather than a second instance.
        return Promise.resolve();
      case 'destroy':
        tandem.destroy();
        return Promise.resolve();
      default:
        return Promise.reject(
          tandemError(
            'unknown_action',
            `Unknown action ${JSON.stringify(String(action))}: use "command", "subscribe", "unsubscribe" or "destroy".`,
          ),
        );
    }
  };
}

function reject(field: string, value: unknown): Promise<never> {
  return Promise.reject(
    tandemError(
      ErrorCode.InvalidArgument,
      `Tandem: ${field}: expected a string such as "Chat.open", got ${typeof value}`,
    ),
  );
}
