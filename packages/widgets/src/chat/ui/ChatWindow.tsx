import type { ConnectionState } from '@tandem/sdk-core';
import { getDocument, isTandemError } from '@tandem/sdk-core';
import { useEffect, useState } from 'preact/hooks';
import type { ChatState } from '../controller';
import { type ChatOptions, prechatFields } from '../options';
import type { ChatCore } from '../plugin';
import { downloadText, transcriptText } from '../transcript';
import { type Action, ActionsMenu } from './ActionsMenu';
import { Avatar } from './Avatar';
import { Composer } from './Composer';
import { EndedPanel } from './EndedPanel';
import { MessageLog } from './MessageLog';
import { OfflineForm } from './OfflineForm';
import { PrechatForm } from './PrechatForm';
import { WaitingBanner } from './WaitingBanner';

export interface ChatWindowProps {
  core: ChatCore;
  options: ChatOptions;
  connection: ConnectionState;
  chatOpen: boolean;
  notice: string | undefined;
  onNotice(text: string | undefined): void;
}

/** A chat some agent took part in: only that one is worth rating. */
const answered = (messages: ChatState['messages']) =>
  messages.some((message) => message.from === 'agent' || message.notice?.type === 'joined');

/** The chat dialog: one header, and a body for each phase of the conversation. */
export function ChatWindow({ core, options, connection, chatOpen, notice, onNotice }: ChatWindowProps) {
  const { controller, context } = core;
  const { i18n, clock, tabStorage, backend } = context;
  const { t } = i18n;
  const state = controller.state;
  const [confirming, setConfirming] = useState(false);
  // The visitor chose to leave a message instead of waiting: what they wrote so far comes with it.
  const [leaving, setLeaving] = useState<Record<string, string> | undefined>();
  useEffect(() => {
    if (state.phase !== 'ended') setLeaving(undefined); // a new chat (or Chat.reset) starts without it
  }, [state.phase]);
  const phase = state.phase;
  // Leaving a message goes through messaging: only offered when the backend has it.
  const messaging = backend?.messaging;
  const live = phase === 'queued' || phase === 'connected' || phase === 'starting';
  const fields = prechatFields(options);
  const subjects = options.prechat?.subjects;
  const needsForm = fields.length > 0 || Object.keys(subjects ?? {}).length > 1;
  const report = (error: unknown) =>
    onNotice(isTandemError(error) && error.message ? error.message : t('chat.error'));
  const guard = (promise: Promise<unknown>) => {
    onNotice(undefined);
    promise.catch(report);
  };
  const start = (input: { subject?: string; fields?: Record<string, string> }) =>
    guard(
      controller.start({
        subject: core.subject(input.subject),
        ...(input.fields ? { fields: input.fields } : {}),
      }),
    );

  const actions: Action[] = [];
  // Co-browse, when the site offers it: the chat's agent joins the customer's tab at once (seed 000).
  const cobrowse = context.config.channels?.cobrowse;
  if (phase === 'connected' && cobrowse && cobrowse.enabled !== false && backend?.cobrowse) {
    actions.push({ label: t('chat.cobrowse'), run: () => guard(context.bus.command('Cobrowse.start')) });
  }
  if (options.transcript !== false && state.messages.length > 0) {
    actions.push({
      label: t('chat.transcript'),
      run: () =>
        downloadText(
          'chat-transcript.txt',
          transcriptText(state.messages, { you: t('chat.you'), agent: t('chat.agent') }, i18n.locale),
          clock,
        ),
    });
  }
  if (options.sound !== false) {
    const muted = context.storage.get('chat.muted') === true;
    actions.push({
      label: t(muted ? 'chat.soundOn' : 'chat.soundOff'),
      run() {
        if (muted) context.storage.remove('chat.muted');
        else context.storage.set('chat.muted', true);
        onNotice(notice); // repaints with the new label
      },
    });
  }
  if (live) actions.push({ label: t('chat.end'), run: () => setConfirming(true) });

  const agents = state.agents;
  const title = agents.length ? t('chat.titleWith', { name: agents.join(', ') }) : t('chat.title');
  const showLog = phase !== 'idle' || !needsForm;

  return (
    <div
      class="window"
      role="dialog"
      aria-labelledby="tandem-chat-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.stopPropagation();
          core.setView('closed');
        }
      }}
    >
      <div class="window-header">
        {agents[0] ? <Avatar name={agents[0]} /> : null}
        <h2 id="tandem-chat-title">{title}</h2>
        <ActionsMenu label={t('chat.actions')} actions={actions} />
        <button
          type="button"
          class="icon-button"
          aria-label={t('chat.minimize')}
          onClick={() => core.setView('minimized')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 12h14" />
          </svg>
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t('common.close')}
          onClick={() => core.setView('closed')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      {connection === 'offline' && live ? (
        <p class="banner" role="status">
          {t('chat.offline')}
        </p>
      ) : null}
      {notice ? (
        <p class="banner error" role="alert">
          {notice}
        </p>
      ) : null}
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="tandem-chat-confirm">
          <p id="tandem-chat-confirm">{t('chat.endConfirm')}</p>
          <button
            type="button"
            class="primary"
            onClick={() => {
              setConfirming(false);
              guard(controller.end());
            }}
          >
            {t('chat.end')}
          </button>
          <button
            type="button"
            class="secondary"
            data-autofocus
            onClick={() => setConfirming(false)}
            ref={focusNow}
          >
            {t('chat.keep')}
          </button>
        </div>
      ) : null}
      {(leaving || (phase === 'idle' && !chatOpen)) && messaging ? (
        <OfflineForm
          i18n={i18n}
          initial={leaving}
          onSend={({ name, email, message }) =>
            messaging.send({
              id: `offline-${clock.now().toString(36)}-${Math.floor(context.random() * 1e9).toString(36)}`,
              text: `${message}\n\n— ${name || email} <${email}>`,
              ...(core.subject() ? { subject: core.subject() } : {}),
            })
          }
        />
      ) : phase === 'idle' && !chatOpen ? (
        <p class="banner" role="status">
          {t('chat.unstaffed')}
        </p>
      ) : phase === 'idle' && needsForm ? (
        <PrechatForm i18n={i18n} fields={fields} subjects={subjects} onStart={start} />
      ) : null}
      {leaving ? null : showLog && (phase !== 'idle' || chatOpen) ? (
        <MessageLog
          messages={state.messages}
          welcome={options.welcome}
          i18n={i18n}
          imageOrigins={options.imageOrigins ?? []}
          now={clock.now()}
          onSeen={(upTo) => {
            if (getDocument()?.visibilityState !== 'hidden') controller.seen(upTo);
          }}
          onRetry={(id) => void controller.retry(id).catch(() => undefined)}
          {...(phase === 'connected'
            ? { onQuickReply: (text: string) => void controller.send(text).catch(() => undefined) }
            : {})}
        />
      ) : null}
      {phase === 'queued' || phase === 'starting' ? (
        <WaitingBanner
          i18n={i18n}
          queue={state.queue}
          onCancel={() => guard(controller.end())}
          {...(messaging
            ? {
                onLeaveMessage() {
                  const wrote = state.messages.filter((m) => m.from === 'customer').map((m) => m.text);
                  onNotice(undefined);
                  // Only once the request is withdrawn: if it is not, the chat stays in view, with the error.
                  controller.end().then(() => setLeaving({ message: wrote.join('\n') }), report);
                },
              }
            : {})}
        />
      ) : null}
      {/* Always there, so that a screen reader hears "Alice is typing…" once, politely, as it appears. */}
      <p class="typing" role="status">
        {state.agentTyping && agents[0] ? t('chat.typing', { name: agents[0] }) : ''}
      </p>
      {leaving ? null : phase === 'ended' ? (
        <EndedPanel
          i18n={i18n}
          rating={options.rating === true && answered(state.messages) && state.endReason !== 'lost'}
          lost={state.endReason === 'lost'}
          onRate={(score, comment) => controller.rate(score, comment)}
          onRestart={() => {
            setLeaving(undefined);
            return controller.reset();
          }}
        />
      ) : live || (phase === 'idle' && !needsForm && chatOpen) ? (
        <Composer
          i18n={i18n}
          storage={tabStorage}
          onTyping={() => controller.typed()}
          onSend={(text) => {
            // Without a form, the first message starts the conversation and then goes out.
            if (phase === 'idle') {
              guard(controller.start({ subject: core.subject() }).then(() => controller.send(text)));
            } else void controller.send(text).catch(() => undefined); // shown as failed, with retry
          }}
        />
      ) : null}
    </div>
  );
}

function focusNow(element: HTMLElement | null): void {
  element?.focus();
}
