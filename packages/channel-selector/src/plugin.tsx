import {
  type ChannelAvailability,
  definePlugin,
  getDocument,
  type I18n,
  isTandemError,
  type PluginContext,
} from '@tandem/sdk-core';
import { type ComponentChild, render } from 'preact';
import { type AppLink, type ChannelEntry, channelCommands, enabledChannels, isChannelName } from './channels';
import { watchCustomLaunchers } from './custom-launchers';
import { Launcher } from './Launcher';
import { Selector } from './Selector';
import { type ChannelStatus, channelStatus } from './status';
import { selectorLocales, selectorStrings } from './strings';
import { selectorStyles } from './styles';

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
      i18n.add(selectorStrings);
      await i18n.load(selectorLocales).catch(() => undefined); // English is the fallback if it cannot load
      ui.addStyles(selectorStyles);
      const channels = enabledChannels(config);
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
      const slot = ui.mount('channel-selector');

      const labelOf = (channel: ChannelEntry) => channel.config.label ?? i18n.t(`channel.${channel.name}`);

      function paint(): void {
        if (!slot) return;
        render(
          <>
            {state.open ? (
              <Selector
                id={selectorId}
                title={i18n.t('selector.title')}
                closeLabel={i18n.t('common.close')}
                channels={channels
                  .map((entry) => {
                    const status = channelStatus(entry.name, entry.config, state.availability);
                    const statusText = describeStatus(i18n, status, entry.config.ewt?.show === true);
                    return { entry, label: labelOf(entry), status, ...(statusText ? { statusText } : {}) };
                  })
                  .filter((channel) => channel.status.visible)}
                apps={state.apps}
                panel={state.panel}
                notice={state.notice}
                onChoose={(channel) => void choose(channel.name)}
                onClose={() => close()}
              />
            ) : null}
            {config.launcher?.hidden ? null : (
              <Launcher
                label={config.launcher?.label ?? i18n.t('launcher.label')}
                expanded={state.open}
                unread={state.unread ? i18n.t('launcher.unread', { count: state.unread }) : undefined}
                controls={selectorId}
                onToggle={() => (state.open ? close() : open())}
                buttonRef={(element) => {
                  launcherButton = element;
                }}
              />
            )}
          </>,
          slot,
        );
      }

      /** Live availability while the selector is open: fetched now, then pushed by the backend. */
      function follow(): void {
        const backend = context.backend;
        if (!backend || stopFollowing) return;
        const update = (availability: readonly ChannelAvailability[]) => {
          state.availability = availability;
          if (state.open) paint();
        };
        stopFollowing = backend.availability.subscribe(update);
        backend.availability.get().then(update, () => undefined);
      }

      // The apps' links belong to the list: it opens with them, or they would push every entry up under
      // the visitor's pointer as they arrived (without them, if they cannot load, the channels still open).
      function open(trigger?: Element): void {
        if (!config.channels?.apps) {
          show(trigger);
          return;
        }
        apps ??= import('./app-links').then(
          ({ appLinks }) => {
            state.apps = appLinks(config.channels?.apps, i18n);
          },
          () => undefined,
        );
        apps.then(() => show(trigger));
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
          else open();
          return;
        }
        await run(channelCommands[channel]);
      }

      async function run(command: string): Promise<void> {
        try {
          await bus.command(command);
          close({ restoreFocus: false });
        } catch (error) {
          if (!state.open) open();
          state.notice = isTandemError(error) && error.code !== 'unknown_command' ? error.message : undefined;
          state.notice ??= i18n.t('common.unavailable');
          paint();
        }
      }

      context.register('ChannelSelector.open', { run: () => void open() });
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
        if (channel === 'selector') open(trigger);
        else void choose(channel);
      });
      paint();

      return () => {
        stopFollowing?.();
        for (const stop of stopUnread) stop();
        stopWatching();
        if (slot) render(null, slot);
        ui.unmount('channel-selector');
      };
    },
  });
}

function describeStatus(i18n: I18n, status: ChannelStatus, showWait: boolean): string | undefined {
  if (status.tone === 'closed') {
    if (status.nextOpenAt === undefined) return i18n.t('status.closed');
    const time = new Intl.DateTimeFormat(i18n.locale, {
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
    });
    return i18n.t('status.opens', { time: time.format(status.nextOpenAt) });
  }
  if (status.tone === 'busy') return i18n.t('status.busy');
  if (!showWait || status.ewtSeconds === undefined) return undefined;
  if (status.ewtSeconds === 0) return i18n.t('status.available');
  if (status.ewtSeconds < 60) return i18n.t('status.waitShort');
  return i18n.t('status.wait', { minutes: Math.round(status.ewtSeconds / 60) });
}
