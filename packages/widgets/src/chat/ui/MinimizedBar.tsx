import type { ChatCore } from '../plugin';

/** The minimized chat: who it is with and how many messages are new; one click brings it back. */
export function MinimizedBar({ core }: { core: ChatCore }) {
  const { t } = core.context.i18n;
  const agents = core.controller.state.agents;
  const title = agents.length ? t('chat.titleWith', { name: agents.join(', ') }) : t('chat.title');
  return (
    <button type="button" class="window-bar" onClick={() => core.setView('open')}>
      <span class="visually-hidden">{t('chat.restore')}: </span>
      <span>{title}</span>
      {core.unread ? <span class="badge">{t('chat.unread', { count: core.unread })}</span> : null}
    </button>
  );
}
