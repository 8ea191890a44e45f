export { searchResponses } from './agent-commands';
export type { Agents, Media } from './agents';
export type { AgentConfig, Schedule, ServerConfig, SubjectConfig } from './config';
export { defaultNotReadyReasons, serverConfigSchema } from './config';
export { estimateWait } from './ewt';
export type { Fact } from './facts';
export { descriptor, Reason, Result, Role } from './facts';
export { CommandFailure } from './failure';
export { isOpen, nextOpening } from './hours';
export type { ReferenceServer, ReferenceServerOptions } from './reference-server';
export {
  checkServerConfig,
  createReferenceServer,
  openReferenceServer,
  ServerConfigError,
} from './reference-server';
export type { CommandHandler, Session, SessionLimits } from './sessions';
export { createSessionServer, defaultSessionLimits } from './sessions';
