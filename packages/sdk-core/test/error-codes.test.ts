// @vitest-environment node
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ProtocolError } from '../src/protocol';

// One closed list of error codes (issue 18): the server's types allow no other; the docs list exactly these.
it('documents every error code of the protocol, and no other', () => {
  const docs = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
  const section = docs.slice(
    docs.indexOf('### Error codes'),
    docs.indexOf('\n## ', docs.indexOf('### Error codes')),
  );
  const documented = [...section.matchAll(/^\| `([a-z_]+)`/gm)].map((match) => match[1]);
  expect(documented.sort()).toEqual(Object.values(ProtocolError).sort());
});
