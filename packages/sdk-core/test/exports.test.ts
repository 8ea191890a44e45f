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
      "capabilityNames",
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
      "offers",
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

it('exports the wire protocol at /protocol: frames, codec, every command’s payload and the customer and agent events, as schemas', () => {
  expect(Object.keys(protocol).sort()).toMatchInlineSnapshot(`
    [
      "ProtocolClose",
      "ProtocolError",
      "agentAnswers",
      "agentEvents",
      "agentMessageData",
      "clientFrame",
      "clientId",
      "commands",
      "customerEvents",
      "decodeFrame",
      "defaultFieldLimit",
      "defaultMaxFrameBytes",
      "describeProblems",
      "e164",
      "encodeFrame",
      "fieldLimits",
      "httpUrl",
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
