import { ChatIcon } from './Icons';

export interface LauncherProps {
  label: string;
  expanded: boolean;
  controls: string;
  /** New messages while the chat is closed; announced as part of the button's name. */
  unread?: string;
  onToggle(): void;
  /** Pointer over, focus or a touch: time to fetch the selector before the click. */
  onIntent(): void;
  buttonRef?: (element: HTMLButtonElement | null) => void;
}

export function Launcher({
  label,
  expanded,
  controls,
  unread,
  onToggle,
  onIntent,
  buttonRef,
}: LauncherProps) {
  return (
    <button
      type="button"
      class="launcher"
      data-tandem-launcher
      ref={buttonRef}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      aria-haspopup="dialog"
      onClick={onToggle}
      onPointerEnter={onIntent}
      onPointerDown={onIntent}
      onFocus={onIntent}
    >
      <ChatIcon />
      <span>{label}</span>
      {unread ? <span class="badge">{unread}</span> : null}
    </button>
  );
}
