export type {
  AgentConfig,
  Agents,
  CommandHandler,
  Fact,
  Media,
  ReferenceServer,
  ReferenceServerOptions,
  Schedule,
  ServerConfig,
  Session,
  SessionLimits,
  SubjectConfig,
} from './contact-center';
export {
  CommandFailure,
  createReferenceServer,
  createSessionServer,
  defaultNotReadyReasons,
  defaultSessionLimits,
  descriptor,
  estimateWait,
  isOpen,
  nextOpening,
  Reason,
  Result,
  Role,
  ServerConfigError,
  searchResponses,
  serverConfigSchema,
} from './contact-center';
export type { RunningServer, ServerOptions, StaticSite } from './http/host';
export { readConfigFile, startServer } from './http/host';
export type { StaticFile } from './http/static';
export { readStatic } from './http/static';
