// @tandem/cobrowse/agent: the agent's live view of a customer's tab.
export type { AgentFrameKind, ViewerTool } from './agent/glass';
export type { Refused } from './agent/refusals';
export { refusalMessages } from './agent/refusals';
export type { CobrowseViewer, ViewerOptions, ViewerPhase, ViewerState } from './agent/viewer';
export { mountCobrowseViewer } from './agent/viewer';
