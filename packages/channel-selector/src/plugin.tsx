import { definePlugin, getDocument, isTandemError, type PluginContext } from '@tandem/sdk-core';
import { render } from 'preact';
import { type ChannelEntry, channelCommands, enabledChannels, isChannelName } from './channels';
import { watchCustomLaunchers } from './custom-launchers';
import { Launcher } from './Launcher';
import { Selector } from './Selector';
import { selectorStrings } from './strings';
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
    setup(context: PluginContext) {
      const { bus, config, i18n, ui } = context;
      i18n.add(selectorStrings);
      ui.addStyles(selectorStyles);
      const channels = enabledChannels(config);
      const state = { open: false, notice: undefined as string | undefined };
      let launcherButton: HTMLButtonElement | null = null;
      let returnFocusTo: HTMLElement | null = null;
      const slot = ui.mount('channel-selector');

      const labelOf = (channel: ChannelEntry) => channel.label ?? i18n.t(`channel.${channel.name}`);

      function paint(): void {
        if (!slot) return;
        render(
          <>
            {state.open ? (
              <Selector
                id={selectorId}
                title={i18n.t('selector.title')}
                closeLabel={i18n.t('common.close')}
                channels={channels}
                labelOf={labelOf}
                notice={state.notice}
                onChoose={(channel) => void choose(channel.name)}
                onClose={() => close()}
              />
            ) : null}
            {config.launcher?.hidden ? null : (
              <Launcher
                label={config.launcher?.label ?? i18n.t('launcher.label')}
                expanded={state.open}
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

      function open(trigger?: Element): void {
        if (state.open) return;
        const active = trigger ?? getDocument()?.activeElement;
        returnFocusTo = active && 'focus' in active ? (active as HTMLElement) : null;
        state.open = true;
        state.notice = undefined;
        paint();
        bus.emit('ChannelSelector.opened', undefined);
      }

      function close(options: { restoreFocus?: boolean } = {}): void {
        if (!state.open) return;
        state.open = false;
        paint();
        if (options.restoreFocus !== false) (launcherButton ?? returnFocusTo)?.focus();
        bus.emit('ChannelSelector.closed', undefined);
      }

      async function choose(channel: string): Promise<void> {
        if (!isChannelName(channel)) return;
        try {
          await bus.command(channelCommands[channel]);
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
      const stopWatching = watchCustomLaunchers((channel, trigger) => {
        if (channel === 'selector') open(trigger);
        else void choose(channel);
      });
      paint();

      return () => {
        stopWatching();
        if (slot) render(null, slot);
        ui.unmount('channel-selector');
      };
    },
  });
}
