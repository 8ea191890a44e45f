import type { ComponentChild } from 'preact';
import type { AppLink, ChannelEntry } from './channels';
import { CloseIcon } from './Icons';
import type { ChannelStatus } from './status';

export interface SelectorChannel {
  readonly entry: ChannelEntry;
  readonly label: string;
  readonly status: ChannelStatus;
  readonly statusText?: string;
}

export interface SelectorProps {
  id: string;
  title: string;
  closeLabel: string;
  /** Said when no channel is there to choose (all closed and hidden, or none the backend offers). */
  emptyText: string;
  channels: readonly SelectorChannel[];
  apps: readonly AppLink[];
  /** Shown instead of the channels while it is set. */
  panel?: ComponentChild;
  notice?: string;
  onChoose(channel: SelectorChannel): void;
  onClose(): void;
}

// Focus moves into the dialog once, when its first button appears. A ref callback rather than hooks:
// preact/hooks would add about 1 KB gz to the launcher.
const focused = new WeakSet<HTMLElement>();
function focusOnce(button: HTMLButtonElement | null): void {
  if (!button || focused.has(button)) return;
  focused.add(button);
  queueMicrotask(() => button.focus());
}

export function Selector({
  id,
  title,
  closeLabel,
  emptyText,
  channels,
  apps,
  panel,
  notice,
  onChoose,
  onClose,
}: SelectorProps) {
  const headingId = `${id}-title`;
  const empty = channels.length + apps.length === 0;
  return (
    <div
      id={id}
      class="selector"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="selector-header">
        <h2 id={headingId}>{title}</h2>
        <button
          type="button"
          class="icon-button"
          aria-label={closeLabel}
          ref={empty && !panel ? focusOnce : undefined}
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>
      {panel ??
        (empty ? (
          <p class="empty">{emptyText}</p>
        ) : (
          <ul>
            {channels.map((channel, index) => {
              const { entry, label, status, statusText } = channel;
              return (
                <li key={entry.name}>
                  <button
                    type="button"
                    class={`channel tone-${status.tone}`}
                    ref={index === 0 ? focusOnce : undefined}
                    // aria-disabled keeps it focusable, so a screen reader user hears why it cannot be used.
                    aria-disabled={status.disabled ? 'true' : undefined}
                    onClick={() => {
                      if (!status.disabled) onChoose(channel);
                    }}
                  >
                    <span class="channel-label">{label}</span>
                    {statusText ? <span class="channel-status">{statusText}</span> : null}
                  </button>
                </li>
              );
            })}
            {apps.map((app) => (
              <li key={app.label}>
                <a class="channel" href={app.href} target="_blank" rel="noopener noreferrer">
                  <span class="channel-label">{app.label}</span>
                  <span class="channel-status">{app.hint}</span>
                </a>
              </li>
            ))}
          </ul>
        ))}
      {notice ? (
        <p class="notice" role="alert">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
