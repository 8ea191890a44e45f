// The chat's lazy chunk of the script-tag bundle (named after this file).
export { chatWidget } from '@tandem/widgets';
