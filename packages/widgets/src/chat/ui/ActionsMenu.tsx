import { useRef, useState } from 'preact/hooks';

export interface Action {
  readonly label: string;
  run(): void;
}

// A disclosure list of buttons rather than an ARIA menu: Tab moves through it, no roving focus to learn.
export function ActionsMenu({ label, actions }: { label: string; actions: readonly Action[] }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  if (actions.length === 0) return null;
  // Esc closes the list first (not the chat) and puts focus back on its button.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div class="actions">
      <button
        type="button"
        class="icon-button"
        ref={toggle}
        aria-label={label}
        aria-expanded={open}
        aria-controls="tandem-chat-actions"
        onClick={() => setOpen(!open)}
        onKeyDown={onKeyDown}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="5" cy="12" r="2" />
          <circle cx="12" cy="12" r="2" />
          <circle cx="19" cy="12" r="2" />
        </svg>
      </button>
      {open ? (
        <ul id="tandem-chat-actions" class="actions-list">
          {actions.map((action) => (
            <li key={action.label}>
              <button
                type="button"
                onKeyDown={onKeyDown}
                onClick={() => {
                  setOpen(false);
                  action.run();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
