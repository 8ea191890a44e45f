import type { Clock } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import { annotationData, annotationLifetimeMs, maxAnnotations } from '../control/annotations';
import type { Marks } from './AgentMarks';

const highlightMs = 3000;

/**
 * What the agent draws over the customer's page (pointer, highlight, annotations) and when each goes:
 * `onChange` repaints; `clear` drops everything and its timers when the session ends.
 */
export function createAgentMarks(clock: Clock, onChange: () => void) {
  let marks: Marks = {};
  let nextId = 1;
  const timers = new Set<unknown>();

  const later = (ms: number, run: () => void) => {
    const timer = clock.setTimeout(() => {
      timers.delete(timer);
      run();
      onChange();
    }, ms);
    timers.add(timer);
    return timer;
  };
  let highlightTimer: unknown;

  return {
    get current(): Marks {
      return marks;
    },
    pointer(x: number, y: number): void {
      marks = { ...marks, pointer: { x, y } };
      onChange();
    },
    /** Outlines the element for three seconds. */
    highlight(element: Element): void {
      const rect = element.getBoundingClientRect();
      marks = { ...marks, highlight: { x: rect.left, y: rect.top, width: rect.width, height: rect.height } };
      clock.clearTimeout(highlightTimer);
      timers.delete(highlightTimer);
      highlightTimer = later(highlightMs, () => {
        marks = { ...marks, highlight: undefined };
      });
      onChange();
    },
    /** A mark the agent drew, checked where it arrives; it fades and then goes. */
    annotate(data: unknown): void {
      const parsed = z.safeParse(annotationData, data);
      if (!parsed.success) return;
      const mark = { id: nextId++, ...parsed.data };
      marks = { ...marks, annotations: [...(marks.annotations ?? []), mark].slice(-maxAnnotations) };
      later(annotationLifetimeMs[mark.shape], () => {
        marks = { ...marks, annotations: marks.annotations?.filter((m) => m.id !== mark.id) };
      });
      onChange();
    },
    clear(): void {
      for (const timer of timers) clock.clearTimeout(timer);
      timers.clear();
      marks = {};
    },
  };
}
