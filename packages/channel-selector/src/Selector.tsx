import type { ChannelEntry } from './channels';
import { CloseIcon } from './Icons';

export interface SelectorProps {
  id: string;
  title: string;
  closeLabel: string;
  channels: readonly ChannelEntry[];
  labelOf(channel: ChannelEntry): string;
  notice?: string;
  onChoose(channel: ChannelEntry): void;
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
  channels,
  labelOf,
  notice,
  onChoose,
  onClose,
}: SelectorProps) {
  const headingId = `${id}-title`;
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
        <button type="button" class="icon-button" aria-label={closeLabel} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <ul>
        {channels.map((channel, index) => (
          <li key={channel.name}>
            <button
              type="button"
              class="channel"
              ref={index === 0 ? focusOnce : undefined}
              onClick={() => onChoose(channel)}
            >
              {labelOf(channel)}
            </button>
          </li>
        ))}
      </ul>
      {notice ? (
        <p class="notice" role="alert">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
