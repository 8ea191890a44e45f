// What a session needs once the agent is there, loaded only then (with rrweb): capture and control.
export { createExecutor } from '../control/executor';
export { startCapture } from './recorder';
export { createRestrictionCheck } from './restrictions';
