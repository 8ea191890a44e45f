export type * from './backend/adapter';
export type { Capability } from './backend/capabilities';
export { capabilityNames, offers } from './backend/capabilities';
export type { MemoryTransportOptions } from './backend/memory-transport';
export { createMemoryTransport } from './backend/memory-transport';
export type { CloseInfo, Peer, Transport, TransportState } from './backend/transport';
export { CloseCode } from './backend/transport';
export type {
  Bus,
  BusOptions,
  CommandDefinition,
  CommandName,
  EventName,
  Handler,
  PayloadOf,
  ResultOf,
  TandemCommands,
  TandemEvents,
  Unsubscribe,
} from './bus';
export { commandNamePattern, createBus } from './bus';
export type { WebSocketBackendOptions } from './client/protocol-backend';
export { protocolBackend, websocket } from './client/protocol-backend';
export type { SessionClient, SessionClientOptions, SessionState } from './client/session-client';
export { createSessionClient } from './client/session-client';
export type { WebSocketConstructor, WebSocketLike } from './client/websocket-transport';
export { websocketTransport } from './client/websocket-transport';
export type { Clock, Random, TimerHandle } from './clock';
export { systemClock, systemRandom, within } from './clock';
export type { ChannelConfig, ChannelName, TandemConfig } from './config/schema';
export { channelNames, configSchema } from './config/schema';
export type { Validation } from './config/validate';
export { formatProblems, parseOptions, validate } from './config/validate';
export type { ErrorCodeValue, Problem, TandemError } from './errors';
export { ErrorCode, isTandemError, tandemError, toTandemError } from './errors';
export { bool, cssColor, localeTag, number, oneOf, text } from './fields';
export { getDocument, getWindow } from './globals';
export type { Direction, I18n, LocaleLoaders, LocaleTables, StringTable } from './i18n/i18n';
export { createI18n, directionOf, fallbackChain } from './i18n/i18n';
export type { Plugin, PluginContext, PluginDefinition, Teardown } from './plugin';
export { definePlugin, isPlugin, lazyPlugin } from './plugin';
export { describeValue } from './problems';
export { ProtocolClose, ProtocolError, protocolVersion } from './protocol/envelope';
export { defaultFieldLimit, fieldLimits } from './protocol/limits';
export type { Storage, StorageOptions } from './storage';
export { createStorage } from './storage';
export type { Tandem, TandemOptions } from './tandem';
export { createTandem } from './tandem';
export { createTypingSignal } from './typing';
export type { UiHost } from './ui/host';
export { createUiHost, defaultZIndex } from './ui/host';
