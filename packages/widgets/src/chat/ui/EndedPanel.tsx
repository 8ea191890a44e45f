import type { I18n } from '@tandem/sdk-core';
import { useState } from 'preact/hooks';

export interface EndedPanelProps {
  i18n: I18n;
  rating: boolean;
  /** The backend no longer had the conversation (a restart lost it). */
  lost?: boolean;
  onRate(score: number, comment: string): Promise<void>;
  onRestart(): void;
}

/** After the end: what happened, the optional rating, and a new chat. */
export function EndedPanel({ i18n, rating, lost, onRate, onRestart }: EndedPanelProps) {
  const { t } = i18n;
  const [rated, setRated] = useState<'no' | 'sending' | 'yes' | 'failed'>('no');
  return (
    <div class="ended">
      <p role="status">{t(lost ? 'chat.lost' : 'chat.ended')}</p>
      {rating && rated !== 'yes' ? (
        <form
          class="rating"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const score = Number(data.get('score'));
            if (!score) return;
            setRated('sending');
            onRate(score, String(data.get('comment') ?? '').trim()).then(
              () => setRated('yes'),
              () => setRated('failed'),
            );
          }}
        >
          <fieldset>
            <legend>{t('chat.rate')}</legend>
            <div class="stars">
              {[1, 2, 3, 4, 5].map((score) => (
                <label key={score}>
                  <input
                    type="radio"
                    name="score"
                    value={score}
                    required
                    data-autofocus={score === 1 ? true : undefined}
                  />
                  <svg viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.2l-5.7 3.1 1.2-6.4-4.7-4.4 6.4-.8z" />
                  </svg>
                  <span class="visually-hidden">{t('chat.stars', { count: score })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label for="tandem-rating-comment">{t('chat.comment')}</label>
          <textarea id="tandem-rating-comment" name="comment" rows={2} maxLength={2000} />
          {rated === 'failed' ? (
            <p class="error" role="alert">
              {t('chat.error')}
            </p>
          ) : null}
          <button type="submit" class="secondary" disabled={rated === 'sending'}>
            {t('chat.rateSend')}
          </button>
        </form>
      ) : null}
      {rated === 'yes' ? <p role="status">{t('chat.thanks')}</p> : null}
      <button
        type="button"
        class="primary wide"
        onClick={onRestart}
        data-autofocus={rating ? undefined : true}
      >
        {t('chat.again')}
      </button>
    </div>
  );
}
