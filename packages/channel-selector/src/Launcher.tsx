import { ChatIcon } from './Icons';

export interface LauncherProps {
  label: string;
  expanded: boolean;
  controls: string;
  onToggle(): void;
  buttonRef?: (element: HTMLButtonElement | null) => void;
}

export function Launcher({ label, expanded, controls, onToggle, buttonRef }: LauncherProps) {
  return (
    <button
      type="button"
      class="launcher"
      ref={buttonRef}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      aria-haspopup="dialog"
      onClick={onToggle}
    >
      <ChatIcon />
      <span>{label}</span>
    </button>
  );
}
