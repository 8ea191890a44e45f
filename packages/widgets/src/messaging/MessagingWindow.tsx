import type { I18n, Storage } from '@tandem/sdk-core';
import { Composer } from '../chat/ui/Composer';
import { MessageLog } from '../chat/ui/MessageLog';
import { Window } from '../shared/Window';
import type { MessagingState } from './controller';

export interface MessagingWindowProps {
  i18n: I18n;
  storage: Storage;
  state: MessagingState;
  imageOrigins: readonly string[];
  onClose(): void;
  onSend(text: string): void;
  onRetry(id: string): void;
  onTyping(): void;
  onSeen(upTo: string): void;
  now: number;
  onGesture(): void;
}

/** The messaging thread: no form, no queue; the visitor writes, leaves, and finds the replies later. */
export function MessagingWindow(props: MessagingWindowProps) {
  const { i18n, state } = props;
  const { t } = i18n;
  const agent = state.agents[0];
  return (
    <Window
      id="tandem-messaging"
      title={t('messaging.title')}
      closeLabel={t('common.close')}
      onClose={props.onClose}
      onPointerDown={props.onGesture}
    >
      {state.loaded ? null : (
        <p class="banner" role="status">
          {t('messaging.loading')}
        </p>
      )}
      <MessageLog
        messages={state.messages}
        welcome={t('messaging.intro')}
        i18n={i18n}
        imageOrigins={props.imageOrigins}
        onRetry={props.onRetry}
        onSeen={props.onSeen}
        now={props.now}
      />
      <p class="typing" role="status">
        {state.agentTyping && agent ? t('chat.typing', { name: agent }) : ''}
      </p>
      <Composer
        i18n={i18n}
        storage={props.storage}
        draftKey="messaging.draft"
        onSend={props.onSend}
        onTyping={() => {
          props.onGesture();
          props.onTyping();
        }}
      />
    </Window>
  );
}
