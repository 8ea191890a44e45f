import { channelSelector } from '@tandem/channel-selector';
import { createStorage, createTandem, lazyPlugin, systemClock } from '@tandem/sdk-core';
import { createGlobalApi } from './global-api';
import type { GlobalApi } from './loader-core';

/**
 * Entry of dist/tandem-app.js, loaded by the loader: the launcher and selector. Feature plugins join
 * here as lazy plugins so that their code loads only when first used.
 */
export function boot({ config }: { config: unknown; base: string }): GlobalApi {
  const options = config === undefined ? {} : config;
  // A config that is not an object goes to createTandem as is, which reports it and stays inert.
  const isObject = typeof options === 'object' && options !== null && !Array.isArray(options);
  // The chat's, click-to-call's and co-browse's own options go to them, checked when their code loads.
  const {
    chat: chatOptions,
    clickToCall: callOptions,
    cobrowse: cobrowseOptions,
    ...rest
  } = isObject ? (options as { chat?: unknown; clickToCall?: unknown; cobrowse?: unknown }) : {};
  const plugins = [
    channelSelector(),
    lazyPlugin('Chat', () => import('./chat').then(({ chatWidget }) => chatWidget(chatOptions as never))),
    lazyPlugin('Messaging', () =>
      import('./chat').then(({ messagingWidget }) => messagingWidget(chatOptions as never)),
    ),
    lazyPlugin(
      'ClickToCall',
      () => import('./call').then(({ clickToCallWidget }) => clickToCallWidget(callOptions as never)),
      ['Callback'],
    ),
    lazyPlugin('Cobrowse', () =>
      import('./cobrowse').then(({ cobrowse }) => cobrowse(cobrowseOptions as never)),
    ),
  ];
  const tandem = createTandem((isObject ? { ...rest, plugins } : options) as never);
  // A conversation in progress (in any tab) or a chat open in this tab before the load brings the chat back.
  const stored = (area: 'local' | 'session', key: string) =>
    createStorage({ clock: systemClock, area }).get(key) !== undefined;
  if (stored('session', 'chat.view') || stored('local', 'chat.conversation')) {
    tandem.command('Chat.state').catch(() => undefined);
  }
  // A co-browse session of this tab goes on on its next page: its code loads at once to resume it.
  if (stored('session', 'cobrowse.session')) tandem.command('Cobrowse.state').catch(() => undefined);
  return createGlobalApi(tandem);
}
