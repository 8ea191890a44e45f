// @tandem/cobrowse/agent: the agent's live view of a customer's tab.
export type { CobrowseViewer, ViewerOptions, ViewerPhase, ViewerState } from './agent/viewer';
export { mountCobrowseViewer } from './agent/viewer';
