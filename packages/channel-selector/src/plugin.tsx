import {
  type ChannelAvailability,
  definePlugin,
  getDocument,
  isTandemError,
  type PluginContext,
  within,
} from '@tandem/sdk-core';
import { type ComponentChild, render } from 'preact';
import { type AppLink, channelCommands, enabledChannels, isChannelName } from './channels';
import { watchCustomLaunchers } from './custom-launchers';
import { Launcher } from './Launcher';
import { launcherStrings, selectorLocales } from './launcher-strings';
import { launcherStyles } from './styles';

type SelectorView = typeof import('./selector-view');

declare module '@tandem/sdk-core' {
  interface TandemEvents {
    'ChannelSelector.opened': undefined;
    'ChannelSelector.closed': undefined;
  }
  interface TandemCommands {
    'ChannelSelector.open': { payload: undefined; result: undefined };
    'ChannelSelector.close': { payload: undefined; result: undefined };
  }
}

const selectorId = 'tandem-channel-selector';

/** The launcher button and the channel selector it opens. */
export function channelSelector() {
  return definePlugin({
    name: 'ChannelSelector',
    async setup(context: PluginContext) {
      const { bus, config, i18n, ui } = context;
      i18n.add(launcherStrings);
      await i18n.load(selectorLocales).catch(() => undefined); // English is the fallback if it cannot load
      ui.addStyles(launcherStyles);
      const channels = enabledChannels(config, context.backend);
      const state = {
        open: false,
        notice: undefined as string | undefined,
        availability: undefined as readonly ChannelAvailability[] | undefined,
        unread: 0,
        apps: [] as readonly AppLink[],
        /** A question shown in place of the channels (co-browse: are you on a call?). */
        panel: undefined as ComponentChild,
      };
      let stopFollowing: (() => void) | undefined;
      let launcherButton: HTMLButtonElement | null = null;
      let returnFocusTo: HTMLElement | null = null;
      let apps: Promise<void> | undefined;
      let view: SelectorView | undefined;
      let loadingView: Promise<SelectorView> | undefined;
      // Each request to open takes a ticket; closing, choosing a channel or teardown voids the one waiting.
      let opening = 0;
      const slot = ui.mount('channel-selector');

      /** The selector's code, fetched once on the first sign of intent; a failed fetch is tried again. */
      function loadView(): Promise<SelectorView> {
        loadingView ??= import('./selector-view').then(
          (loaded) => {
            i18n.add(loaded.selectorStrings);
            ui.addStyles(loaded.selectorStyles);
            view = loaded;
            return loaded;
          },
          (error: unknown) => {
            loadingView = undefined;
            throw error;
          },
        );
        return loadingView;
      }
      const preload = () => void loadView().catch(() => undefined);

      function paint(): void {
        if (!slot) return;
        render(
          <>
            {state.open && view ? (
              <view.Selector
                id={selectorId}
                title={i18n.t('selector.title')}
                closeLabel={i18n.t('common.close')}
                emptyText={i18n.t('selector.none')}
                channels={view.describeChannels(channels, state.availability, i18n)}
                apps={state.apps}
                panel={state.panel}
                notice={state.notice}
                onChoose={(channel) => void choose(channel.entry.name)}
                onClose={() => close()}
              />
            ) : null}
            {config.launcher?.hidden ? null : (
              <Launcher
                label={config.launcher?.label ?? i18n.t('launcher.label')}
                expanded={state.open}
                unread={state.unread ? i18n.t('launcher.unread', { count: state.unread }) : undefined}
                controls={selectorId}
                onToggle={() => (state.open ? close() : void open())}
                onIntent={preload}
                buttonRef={(element) => {
                  launcherButton = element;
                }}
              />
            )}
          </>,
          slot,
        );
      }

      const updateAvailability = (availability: readonly ChannelAvailability[]) => {
        state.availability = availability;
        if (state.open) paint();
      };

      /** Live availability while the selector is open: fetched as it opens (see `open`), then pushed. */
      function follow(): void {
        if (!context.backend || stopFollowing) return;
        stopFollowing = context.backend.availability.subscribe(updateAvailability);
      }

      // The apps' links belong to the list: it opens with them, or they would push every entry up under
      // the visitor's pointer as they arrived (without them, if they cannot load, the channels still open).
      function open(trigger?: Element): Promise<void> {
        apps ??= config.channels?.apps
          ? import('./app-links').then(
              ({ appLinks }) => {
                state.apps = appLinks(config.channels?.apps, i18n);
              },
              () => undefined,
            )
          : Promise.resolve();
        const ticket = ++opening;
        // Like the links, the channels' states belong to the list: a chat row that vanished as availability
        // arrived would move every entry under the pointer. A slow backend gets a second, then it opens anyway.
        const fetched = context.backend?.availability.get().then(updateAvailability) ?? Promise.resolve();
        return Promise.all([loadView(), apps, within(context.clock, 1000, fetched)]).then(
          () => {
            if (ticket === opening) show(trigger);
          },
          () => undefined, // not reachable now: the launcher stays, and the next click tries again
        );
      }

      function show(trigger?: Element): void {
        if (state.open) return;
        const active = trigger ?? getDocument()?.activeElement;
        returnFocusTo = active && 'focus' in active ? (active as HTMLElement) : null;
        state.open = true;
        state.notice = undefined;
        paint();
        follow();
        bus.emit('ChannelSelector.opened', undefined);
      }

      function close(options: { restoreFocus?: boolean } = {}): void {
        opening++;
        if (!state.open) return;
        state.open = false;
        state.panel = undefined;
        stopFollowing?.();
        stopFollowing = undefined;
        paint();
        if (options.restoreFocus !== false) (launcherButton ?? returnFocusTo)?.focus();
        bus.emit('ChannelSelector.closed', undefined);
      }

      async function choose(channel: string): Promise<void> {
        if (!isChannelName(channel)) return;
        if (channel === 'cobrowse') {
          const { cobrowseQuestion } = await import('./cobrowse-question');
          state.panel = cobrowseQuestion(i18n, (onCall) => {
            state.panel = undefined;
            void run(onCall ? channelCommands.cobrowse : channelCommands.chat);
          });
          if (state.open) paint();
          else void open();
          return;
        }
        opening++; // a selector still on its way stays closed: the visitor chose a way in
        await run(channelCommands[channel]);
      }

      async function run(command: string): Promise<void> {
        try {
          await bus.command(command);
          close({ restoreFocus: false });
        } catch (error) {
          if (!state.open) await open();
          state.notice = isTandemError(error) && error.code !== 'unknown_command' ? error.message : undefined;
          state.notice ??= i18n.t('common.unavailable');
          paint();
        }
      }

      context.register('ChannelSelector.open', { run: () => open().then(() => undefined) });
      context.register('ChannelSelector.close', { run: () => void close() });
      // Replies the visitor has not read yet, chat's and messaging's together, on the launcher.
      const unread: [number, number] = [0, 0];
      const stopUnread = ['Chat.unreadChanged', 'Messaging.unreadChanged'].map((name, index) =>
        bus.on(name as 'Chat.unreadChanged', ({ count }) => {
          unread[index] = count;
          state.unread = unread[0] + unread[1];
          paint();
        }),
      );
      const stopWatching = watchCustomLaunchers((channel, trigger) => {
        if (channel === 'selector') void open(trigger);
        else void choose(channel);
      });
      paint();

      return () => {
        opening++;
        stopFollowing?.();
        for (const stop of stopUnread) stop();
        stopWatching();
        if (slot) render(null, slot);
        ui.unmount('channel-selector');
      };
    },
  });
}
