import { channelSelector } from '@tandem/channel-selector';
import { createTandem } from '@tandem/sdk-core';
import { createGlobalApi } from './global-api';
import type { GlobalApi } from './loader-core';

/**
 * Entry of dist/tandem-app.js, loaded by the loader: the launcher and selector. Feature plugins join
 * here as lazy plugins so that their code loads only when first used.
 */
export function boot({ config }: { config: unknown; base: string }): GlobalApi {
  const plugins = [channelSelector()];
  const options = config === undefined ? {} : config;
  // A config that is not an object goes to createTandem as is, which reports it and stays inert.
  const isObject = typeof options === 'object' && options !== null && !Array.isArray(options);
  const tandem = createTandem((isObject ? { ...options, plugins } : options) as never);
  return createGlobalApi(tandem);
}
