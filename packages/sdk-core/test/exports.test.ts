import { expect, it } from 'vitest';
import * as core from '../src/index';

it('exports exactly its documented public surface', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "CloseCode",
      "ErrorCode",
      "bool",
      "channelNames",
      "commandNamePattern",
      "configSchema",
      "createBus",
      "createI18n",
      "createMemoryTransport",
      "createStorage",
      "createTandem",
      "createUiHost",
      "cssColor",
      "defaultZIndex",
      "definePlugin",
      "describeValue",
      "directionOf",
      "fallbackChain",
      "formatProblems",
      "getDocument",
      "getWindow",
      "isPlugin",
      "isTandemError",
      "lazyPlugin",
      "localeTag",
      "number",
      "oneOf",
      "systemClock",
      "systemRandom",
      "tandemError",
      "text",
      "toTandemError",
      "validate",
    ]
  `);
});
