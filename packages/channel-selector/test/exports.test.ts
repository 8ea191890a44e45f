import { expect, it } from 'vitest';
import * as selector from '../src/index';

it('exports exactly its documented public surface', () => {
  expect(Object.keys(selector).sort()).toMatchInlineSnapshot(`
    [
      "channelCommands",
      "channelSelector",
    ]
  `);
});
