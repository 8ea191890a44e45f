import { describe, expect, it } from 'vitest';
import { parseCobrowseOptions } from '../src/options';

const problem = (input: unknown) => {
  try {
    parseCobrowseOptions(input);
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error('expected the options to be refused');
};

describe('parseCobrowseOptions', () => {
  it('accepts no options at all', () => {
    expect(parseCobrowseOptions(undefined)).toEqual({});
    expect(parseCobrowseOptions(null)).toEqual({});
    expect(parseCobrowseOptions({})).toEqual({});
  });

  it('accepts rules with urls and selector lists, and returns them as given', () => {
    const options = {
      restrictions: [
        { urls: ['/checkout*', 'https://shop.test/account'], mask: ['#gift', '.card input'] },
        { hide: ['[data-loyalty]', 'div > .promo:not(.x)'], readonly: ['button.pay'] },
        {},
      ],
    };
    expect(parseCobrowseOptions(options)).toEqual(options);
  });

  it('accepts privacy by default with what to unmask, on every page or on some', () => {
    const options = {
      privacy: 'mask-all',
      unmask: ['.product', '[data-price]'],
      restrictions: [{ urls: ['/cart*'], unmask: ['.basket'] }],
    };
    expect(parseCobrowseOptions(options)).toEqual(options);
    expect(parseCobrowseOptions({ privacy: 'standard' })).toEqual({ privacy: 'standard' });
  });

  it('names a privacy it does not know, and an unmask selector the browser does not accept', () => {
    expect(problem({ privacy: 'all' })).toBe(
      'Tandem config: cobrowse.privacy: expected "standard" or "mask-all", got "all"',
    );
    expect(problem({ unmask: ['.ok', 'p >'] })).toBe(
      'Tandem config: cobrowse.unmask[1]: expected a valid CSS selector, got "p >"',
    );
    expect(problem({ restrictions: [{ unmask: ['[['] }] })).toContain('cobrowse.restrictions[0].unmask[0]');
  });

  it('names a selector the browser does not accept by its place in the options', () => {
    expect(problem({ restrictions: [{ mask: ['#ok', '[[broken'] }] })).toBe(
      'Tandem config: cobrowse.restrictions[0].mask[1]: expected a valid CSS selector, got "[[broken"',
    );
    expect(problem({ restrictions: [{}, { hide: ['div >'] }] })).toBe(
      'Tandem config: cobrowse.restrictions[1].hide[0]: expected a valid CSS selector, got "div >"',
    );
    expect(problem({ restrictions: [{ readonly: ['a:nope('] }] })).toContain(
      'cobrowse.restrictions[0].readonly[0]: expected a valid CSS selector',
    );
  });

  it('refuses an empty, blank or overlong selector', () => {
    expect(problem({ restrictions: [{ mask: [''] }] })).toContain(
      'cobrowse.restrictions[0].mask[0]: expected a valid CSS selector, got ""',
    );
    expect(problem({ restrictions: [{ mask: ['   '] }] })).toContain('cobrowse.restrictions[0].mask[0]:');
    const long = `#${'a'.repeat(500)}`;
    const message = problem({ restrictions: [{ mask: [long] }] });
    expect(message).toContain('cobrowse.restrictions[0].mask[0]: expected a valid CSS selector');
    // The message never echoes the whole value.
    expect(message).not.toContain(long);
    expect(
      parseCobrowseOptions({ restrictions: [{ mask: [`#${'a'.repeat(499)}`] }] }).restrictions,
    ).toHaveLength(1);
  });

  it('refuses a selector that is not a string', () => {
    expect(problem({ restrictions: [{ mask: [42] }] })).toBe(
      'Tandem config: cobrowse.restrictions[0].mask[0]: expected a valid CSS selector, got 42',
    );
  });

  it('refuses wrong shapes, naming each field', () => {
    expect(problem('mask everything')).toBe(
      'Tandem config: cobrowse: expected an object, got "mask everything"',
    );
    expect(problem({ restrictions: '#gift' })).toBe(
      'Tandem config: cobrowse.restrictions: expected an array, got "#gift"',
    );
    expect(problem({ restrictions: [{ mask: '#gift' }] })).toBe(
      'Tandem config: cobrowse.restrictions[0].mask: expected an array, got "#gift"',
    );
    expect(problem({ restrictions: [{ urls: [7] }] })).toBe(
      'Tandem config: cobrowse.restrictions[0].urls[0]: expected a string of at most 500 characters, got 7',
    );
    expect(problem({ restrictions: [{ urls: ['x'.repeat(501)] }] })).toContain(
      'cobrowse.restrictions[0].urls[0]: expected a string of at most 500 characters',
    );
  });

  it('refuses unknown options, at the top and in a rule', () => {
    expect(problem({ restriction: [] })).toBe('Tandem config: cobrowse.restriction: unknown option');
    expect(problem({ restrictions: [{ masks: ['#a'] }] })).toBe(
      'Tandem config: cobrowse.restrictions[0].masks: unknown option',
    );
  });

  it('reports every problem, one line each', () => {
    const lines = problem({ restrictions: [{ mask: ['[['], hide: [''], extra: 1 }], other: true }).split(
      '\n',
    );
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.startsWith('Tandem config: cobrowse.'))).toBe(true);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('cobrowse.restrictions[0].mask[0]:'),
        expect.stringContaining('cobrowse.restrictions[0].hide[0]:'),
        'Tandem config: cobrowse.restrictions[0].extra: unknown option',
        'Tandem config: cobrowse.other: unknown option',
      ]),
    );
  });
});
