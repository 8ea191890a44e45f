import { expect, it } from 'vitest';
import * as entry from '../src/index';

it('exports exactly its documented public surface', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "chat",
      "chatWidget",
      "clickToCallWidget",
      "createCallController",
      "createCallbackController",
      "createChatController",
      "createMessagingController",
      "messagingWidget",
    ]
  `);
});
