import type { I18n } from '@tandem/sdk-core';

export interface Marks {
  readonly pointer?: { readonly x: number; readonly y: number };
  readonly highlight?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/** The agent's pointer and highlight over the page: drawn in the shadow root, so never captured back. */
export function AgentMarks({ i18n, marks, agentName }: { i18n: I18n; marks: Marks; agentName: string }) {
  const { pointer, highlight } = marks;
  return (
    <>
      {pointer ? (
        <div
          class="cobrowse-pointer"
          role="img"
          aria-label={i18n.t('cobrowse.agentPointer', { name: agentName })}
          style={{ transform: `translate(${pointer.x}px, ${pointer.y}px)` }}
        />
      ) : null}
      {highlight ? (
        <div
          class="cobrowse-highlight"
          aria-hidden="true"
          style={{
            left: `${highlight.x - 4}px`,
            top: `${highlight.y - 4}px`,
            width: `${highlight.width + 8}px`,
            height: `${highlight.height + 8}px`,
          }}
        />
      ) : null}
    </>
  );
}
