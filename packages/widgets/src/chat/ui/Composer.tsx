import type { I18n, Storage } from '@tandem/sdk-core';
import { useRef } from 'preact/hooks';

const emoji = ['🙂', '😀', '👍', '🙏', '❤️', '🎉', '😕', '👋'];

export interface ComposerProps {
  i18n: I18n;
  storage: Storage;
  /** Where the draft is kept; each window keeps its own. */
  draftKey?: string;
  disabled?: boolean;
  onSend(text: string): void;
  onTyping(): void;
}

/**
 * The message box: Enter sends, Shift+Enter starts a new line. The draft is kept across reloads, so
 * nothing typed is lost.
 */
export function Composer({
  i18n,
  storage,
  draftKey = 'chat.draft',
  disabled,
  onSend,
  onTyping,
}: ComposerProps) {
  const { t } = i18n;
  const box = useRef<HTMLTextAreaElement>(null);
  const submit = () => {
    const field = box.current;
    const text = field?.value.trim();
    if (!field || !text) return;
    onSend(text);
    field.value = '';
    storage.remove(draftKey);
    field.focus();
  };
  const insert = (symbol: string) => {
    const field = box.current;
    if (!field) return;
    field.setRangeText(symbol, field.selectionStart, field.selectionEnd, 'end');
    field.focus();
    storage.set(draftKey, field.value);
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="visually-hidden" for="tandem-chat-input">
        {t('chat.composer')}
      </label>
      <textarea
        id="tandem-chat-input"
        ref={box}
        rows={2}
        maxLength={20000}
        data-autofocus
        placeholder={t('chat.composer')}
        defaultValue={storage.get(draftKey, (v) => (typeof v === 'string' ? v : undefined)) ?? ''}
        onInput={(event) => {
          storage.set(draftKey, event.currentTarget.value);
          onTyping();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div class="composer-row">
        <details class="emoji">
          <summary aria-label={t('chat.emoji')}>
            {/* Drawn, not a font glyph: machines without a colour-emoji font showed an empty box. */}
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <circle cx="12" cy="12" r="9" />
              <path d="M8.5 14.5c1.8 2 5.2 2 7 0M9 9.5h.01M15 9.5h.01" />
            </svg>
          </summary>
          <div class="emoji-list">
            {emoji.map((symbol) => (
              <button type="button" key={symbol} onClick={() => insert(symbol)}>
                {symbol}
              </button>
            ))}
          </div>
        </details>
        <button type="submit" class="primary" disabled={disabled}>
          {t('chat.send')}
        </button>
      </div>
    </form>
  );
}
