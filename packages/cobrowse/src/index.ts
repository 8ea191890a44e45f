export type { Privacy, RestrictionRule, Restrictions } from './capture/restrictions';
export {
  defaultHide,
  defaultMask,
  defaultReadonly,
  defaultUnmask,
  restrictionsFor,
  urlMatches,
} from './capture/restrictions';
export type { CobrowseOptions } from './options';
export type { CobrowseState } from './plugin';
export { cobrowse } from './plugin';
