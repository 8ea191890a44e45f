import type { I18n } from '@tandem/sdk-core';

/** [x, y] in the viewport (checked as a pair where it arrives). */
type Point = readonly number[];

export interface Annotation {
  readonly id: number;
  readonly shape: 'path' | 'rect' | 'laser';
  readonly points: readonly Point[];
}

export interface Marks {
  readonly pointer?: { readonly x: number; readonly y: number };
  readonly highlight?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  readonly annotations?: readonly Annotation[];
}

const shapeOf = ({ shape, points }: Annotation) => {
  if (shape === 'rect') {
    const [x1 = 0, y1 = 0] = points[0] ?? [];
    const [x2 = 0, y2 = 0] = points.at(-1) ?? [];
    return (
      <rect
        x={Math.min(x1, x2)}
        y={Math.min(y1, y2)}
        width={Math.abs(x2 - x1)}
        height={Math.abs(y2 - y1)}
        rx="4"
      />
    );
  }
  return <polyline points={points.map(([x, y]) => `${x},${y}`).join(' ')} />;
};

/**
 * The agent's pointer, highlight and annotations over the page: drawn in the shadow root, so never
 * captured back, and never in the way of the customer's clicks.
 */
export function AgentMarks({ i18n, marks, agentName }: { i18n: I18n; marks: Marks; agentName: string }) {
  const { pointer, highlight, annotations = [] } = marks;
  return (
    <>
      {annotations.length > 0 ? (
        <svg class="cobrowse-annotations" aria-hidden="true">
          {annotations.map((annotation) => (
            <g key={annotation.id} class={`cobrowse-mark cobrowse-${annotation.shape}`}>
              {shapeOf(annotation)}
            </g>
          ))}
        </svg>
      ) : null}
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
