export { channelCommands } from './channels';
export { channelSelector } from './plugin';
