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
  openReferenceServer,
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
export type { Store, StoreOptions } from './storage/store';
export { memoryStore, openStore } from './storage/store';
