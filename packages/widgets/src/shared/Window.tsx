import type { ComponentChildren } from 'preact';

/** A Tandem window: a labelled dialog with its title, extra header controls, a close button, and Esc. */
export function Window(props: {
  id: string;
  title: string;
  closeLabel: string;
  onClose(): void;
  header?: ComponentChildren;
  children: ComponentChildren;
  onPointerDown?(): void;
  /** A class for this kind of window (`call` sizes to its form). */
  kind?: string;
}) {
  return (
    <div
      class={props.kind ? `window ${props.kind}` : 'window'}
      role="dialog"
      aria-labelledby={`${props.id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.stopPropagation();
          props.onClose();
        }
      }}
      onPointerDown={props.onPointerDown}
    >
      <div class="window-header">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.header}
        <button type="button" class="icon-button" aria-label={props.closeLabel} onClick={props.onClose}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      {props.children}
    </div>
  );
}
