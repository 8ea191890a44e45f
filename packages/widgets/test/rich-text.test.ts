import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeUrl, segments } from '../src/chat/rich-text';

describe('rich text of untrusted messages', () => {
  it('keeps every character, and links only http, https, mailto and tel', () => {
    const pieces = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'javascript:alert(1)',
        'https://a.example/x?y=1',
        'data:text/html,<script>alert(1)</script>',
        'mailto:help@example.com',
        'tel:+33123456789',
        'vbscript:msgbox',
        'https://evil.example/\u202egnp.exe',
        '(https://b.example/p)',
        ' ',
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        const out = segments(text, ['https://cdn.example.com']);
        expect(out.map((s) => s.text).join('')).toBe(text);
        for (const segment of out) {
          if (segment.kind === 'text') continue;
          const href = segment.kind === 'link' ? segment.href : segment.src;
          expect(['http:', 'https:', 'mailto:', 'tel:']).toContain(new URL(href).protocol);
          expect(href).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves sentence punctuation and unbalanced brackets out of a link', () => {
    expect(segments('See https://a.example/b. Or (https://a.example/c)!')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://a.example/b', href: 'https://a.example/b' },
      { kind: 'text', text: '. Or (' },
      { kind: 'link', text: 'https://a.example/c', href: 'https://a.example/c' },
      { kind: 'text', text: ')!' },
    ]);
  });

  it('shows images only from listed https origins', () => {
    const kinds = (text: string) => segments(text, ['https://cdn.example.com']).map((s) => s.kind);
    expect(kinds('https://cdn.example.com/a.png')).toEqual(['image']);
    expect(kinds('https://cdn.example.com.evil.example/a.png')).toEqual(['link']);
    expect(kinds('http://cdn.example.com/a.png')).toEqual(['link']);
    expect(kinds('https://cdn.example.com/a.svg')).toEqual(['link']);
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
  });
});
