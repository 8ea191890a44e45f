import type { ChannelAvailability } from '@tandem/sdk-core';
import { describe, expect, it } from 'vitest';
import { channelStatus } from '../src/status';

const chat = (ewtSeconds?: number, open = true, subject = 'billing'): ChannelAvailability => ({
  channel: 'chat',
  subject,
  open,
  ...(ewtSeconds === undefined ? {} : { ewtSeconds }),
  ...(open ? {} : { nextOpenAt: 1_000 }),
});

describe('channel status (Genesys EWT semantics)', () => {
  const ewt = { min: 60, max: 300 };
  it.each([
    [0, 'available'],
    [30, 'warning'],
    [60, 'warning'],
    [61, 'alert'],
    [299, 'alert'],
  ])('an EWT of %i s is %s', (seconds, tone) => {
    expect(channelStatus('chat', { ewt }, [chat(seconds)])).toEqual({
      visible: true,
      disabled: false,
      tone,
      ewtSeconds: seconds,
    });
  });

  it('hides the channel at or above max, or disables it when configured', () => {
    expect(channelStatus('chat', { ewt }, [chat(300)])).toMatchObject({ visible: false, tone: 'busy' });
    expect(channelStatus('chat', { ewt: { ...ewt, whenAbove: 'disable' } }, [chat(900)])).toEqual({
      visible: true,
      disabled: true,
      tone: 'busy',
      ewtSeconds: 900,
    });
  });

  it('hides a closed channel, or shows it disabled with the next opening', () => {
    expect(channelStatus('chat', {}, [chat(undefined, false)])).toMatchObject({
      visible: false,
      tone: 'closed',
    });
    expect(channelStatus('chat', { whenClosed: 'disable' }, [chat(undefined, false)])).toEqual({
      visible: true,
      disabled: true,
      tone: 'closed',
      nextOpenAt: 1_000,
    });
  });

  it('counts a chat no agent could answer as closed, and offers a message in its place when asked', () => {
    const unstaffed = { ...chat(undefined, true), staffed: false };
    expect(channelStatus('chat', {}, [unstaffed])).toMatchObject({ visible: false, unstaffed: true });
    expect(channelStatus('chat', { whenClosed: 'message' }, [unstaffed])).toEqual({
      visible: true,
      disabled: false,
      tone: 'closed',
      unstaffed: true,
      leaveMessage: true,
    });
    // One subject staffed is enough to chat; and a call can still be placed to a voice queue.
    expect(channelStatus('chat', {}, [unstaffed, { ...chat(0, true, 'sales'), staffed: true }]).tone).toBe(
      'available',
    );
    expect(channelStatus('clickToCall', {}, [{ ...unstaffed, channel: 'voice', ewtSeconds: 0 }]).tone).toBe(
      'available',
    );
  });

  it('takes the configured subject, else the best of all subjects', () => {
    const list = [chat(400, true, 'billing'), chat(20, true, 'sales')];
    expect(channelStatus('chat', { ewt, subject: 'billing' }, list).tone).toBe('busy');
    expect(channelStatus('chat', { ewt }, list)).toMatchObject({ tone: 'warning', ewtSeconds: 20 });
  });

  it('knows nothing without availability, and treats messaging and co-browse as always open', () => {
    expect(channelStatus('chat', {}, undefined).tone).toBe('unknown');
    expect(channelStatus('messaging', {}, [chat(undefined, false)]).visible).toBe(true);
    expect(channelStatus('cobrowse', {}, []).tone).toBe('unknown');
    expect(channelStatus('clickToCall', {}, [chat(0)]).tone).toBe('unknown');
  });
});
