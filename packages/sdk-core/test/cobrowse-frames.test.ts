import { describe, expect, it } from 'vitest';
import { createFrameRouter } from '../src/client/cobrowse-frames';

const frame = (sessionId: string, n: number) => ({ sessionId, kind: 'events', data: { n } });

describe('co-browse frames for a view', () => {
  it('keeps frames that arrive before the view subscribes, then hands them over in order', () => {
    const router = createFrameRouter();
    router.route(frame('s1', 1), false);
    router.route(frame('s2', 9), false);
    router.route(frame('s1', 2), false);
    const seen: number[] = [];
    router.subscribe('s1', (f) => seen.push((f.data as { n: number }).n));
    router.route(frame('s1', 3), false);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('keeps nothing when another listener takes every frame, or once the session ended', () => {
    const router = createFrameRouter();
    router.route(frame('s1', 1), true);
    router.route(frame('s2', 2), false);
    router.forget('s2');
    const seen: unknown[] = [];
    router.subscribe('s1', (f) => seen.push(f));
    router.subscribe('s2', (f) => seen.push(f));
    expect(seen).toEqual([]);
  });

  it('drops the oldest frames past its bound; the next view gets what came after the last one left', () => {
    const size = JSON.stringify(frame('s1', 1)).length;
    const router = createFrameRouter(size * 2);
    for (let n = 1; n <= 5; n++) router.route(frame('s1', n), false);
    const seen: number[] = [];
    const off = router.subscribe('s1', (f) => seen.push((f.data as { n: number }).n));
    expect(seen).toEqual([4, 5]);
    off();
    router.route(frame('s1', 6), false);
    router.subscribe('s1', (f) => seen.push((f.data as { n: number }).n));
    expect(seen).toEqual([4, 5, 6]);
  });
});
