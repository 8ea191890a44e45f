export type {
  AgentClient,
  AgentClientOptions,
  AgentEvents,
  AgentMessage,
  AgentProfile,
} from './client/agent-client';
export { createAgentClient } from './client/agent-client';
export { createTypingSignal } from './typing';
