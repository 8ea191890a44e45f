// The BackendAdapter contract as checks any backend can run, whatever its test runner.
export type {
  ConformanceAgent,
  ConformanceCheck,
  ConformanceOutcome,
  ConformanceSetup,
} from './conformance/checks';
export { backendConformance } from './conformance/checks';
