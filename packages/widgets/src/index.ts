export type { ChatController, ChatEntry, ChatNotice, ChatState, MessageStatus } from './chat/controller';
export { createChatController } from './chat/controller';
export type { ChatOptions } from './chat/options';
export type { ChatCore, ChatView } from './chat/plugin';
export { chat } from './chat/plugin';
export { chatWidget } from './chat/widget';
export type { MessagingController, MessagingState } from './messaging/controller';
export { createMessagingController } from './messaging/controller';
export { messagingWidget } from './messaging/plugin';
