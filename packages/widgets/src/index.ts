export type { ChatController, ChatEntry, ChatState, MessageStatus } from './chat/controller';
export { createChatController } from './chat/controller';
export { chat } from './chat/plugin';
