export type { AgentClient, AgentClientOptions, AgentEvents, AgentProfile } from './client/agent-client';
export { createAgentClient } from './client/agent-client';
