// @vitest-environment node
import { expect, it } from 'vitest';
import * as server from '../src/index';

it('exports exactly its documented public surface', () => {
  expect(Object.keys(server).sort()).toMatchInlineSnapshot(`
    [
      "CommandFailure",
      "Reason",
      "Result",
      "Role",
      "ServerConfigError",
      "createReferenceServer",
      "createSessionServer",
      "defaultNotReadyReasons",
      "defaultSessionLimits",
      "descriptor",
      "estimateWait",
      "isOpen",
      "memoryStore",
      "nextOpening",
      "openReferenceServer",
      "openStore",
      "readConfigFile",
      "readStatic",
      "searchResponses",
      "serverConfigSchema",
      "startServer",
    ]
  `);
});
