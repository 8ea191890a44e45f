import { expect, it } from 'vitest';
import * as core from '../src/index';
import * as protocol from '../src/protocol/index';

it('exports exactly its documented public surface', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "CloseCode",
      "ErrorCode",
      "ProtocolClose",
      "ProtocolError",
      "bool",
      "channelNames",
      "commandNamePattern",
      "configSchema",
      "createBus",
      "createI18n",
      "createMemoryTransport",
      "createSessionClient",
      "createStorage",
      "createTandem",
      "createTypingSignal",
      "createUiHost",
      "cssColor",
      "defaultFieldLimit",
      "defaultZIndex",
      "definePlugin",
      "describeValue",
      "directionOf",
      "fallbackChain",
      "fieldLimits",
      "formatProblems",
      "getDocument",
      "getWindow",
      "isPlugin",
      "isTandemError",
      "lazyPlugin",
      "localeTag",
      "number",
      "oneOf",
      "parseOptions",
      "protocolBackend",
      "protocolVersion",
      "systemClock",
      "systemRandom",
      "tandemError",
      "text",
      "toTandemError",
      "validate",
      "websocket",
      "websocketTransport",
      "within",
    ]
  `);
});

it('exports the wire protocol at /protocol, for the server that speaks it from the other end', () => {
  expect(Object.keys(protocol).sort()).toMatchInlineSnapshot(`
    [
      "ProtocolClose",
      "ProtocolError",
      "clientFrame",
      "clientId",
      "decodeFrame",
      "defaultFieldLimit",
      "defaultMaxFrameBytes",
      "describeProblems",
      "encodeFrame",
      "fieldLimits",
      "jsonCost",
      "maxFrameDepth",
      "maxFrameValues",
      "protocolVersion",
      "serverFrame",
    ]
  `);
});
