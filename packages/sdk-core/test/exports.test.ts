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

it('exports the wire protocol at /protocol: frames, codec, and the customer and agent events’ schemas', () => {
  expect(Object.keys(protocol).sort()).toMatchInlineSnapshot(`
    [
      "ProtocolClose",
      "ProtocolError",
      "agentEvents",
      "agentMessageData",
      "clientFrame",
      "clientId",
      "customerEvents",
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

it('exports the adapter conformance suite at /conformance', async () => {
  const conformance = await import('../src/conformance');
  expect(Object.keys(conformance).sort()).toEqual(['backendConformance']);
});
