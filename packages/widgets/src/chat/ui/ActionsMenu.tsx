import { useState } from 'preact/hooks';

export interface Action {
  readonly label: string;
  run(): void;
}

// A disclosure list of buttons rather than an ARIA menu: Tab moves through it, no roving focus to learn.
export function ActionsMenu({ label, actions }: { label: string; actions: readonly Action[] }) {
  const [open, setOpen] = useState(false);
  if (actions.length === 0) return null;
  return (
    <div
      class="actions"
      role="group"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          (event.currentTarget.querySelector('button') as HTMLButtonElement | null)?.focus();
        }
      }}
    >
      <button
        type="button"
        class="icon-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls="tandem-chat-actions"
        onClick={() => setOpen(!open)}
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
