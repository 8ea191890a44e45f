// The wire protocol v1 for those who speak it from the other end (the server): frames and their codec.
export type { AgentAnswers, AgentEventName, AgentEvents, AgentMessage } from './agent-events';
export { agentAnswers, agentEvents, agentMessageData } from './agent-events';
export type { Decoded } from './codec';
export {
  decodeFrame,
  defaultMaxFrameBytes,
  describeProblems,
  encodeFrame,
  jsonCost,
  maxFrameDepth,
  maxFrameValues,
} from './codec';
export type { CommandName, CommandPayload } from './commands';
export { commands, e164, httpUrl } from './commands';
export type { CustomerEvent, CustomerEventName } from './customer-events';
export { customerEvents } from './customer-events';
export type {
  ClientFrame,
  CommandFrame,
  ErrorFrame,
  EventFrame,
  HelloFrame,
  ProtocolErrorCode,
  ResultFrame,
  SequencedFrame,
  ServerFrame,
  WelcomeFrame,
} from './envelope';
export {
  clientFrame,
  clientId,
  ProtocolClose,
  ProtocolError,
  protocolVersion,
  serverFrame,
} from './envelope';
export { defaultFieldLimit, fieldLimits } from './limits';
