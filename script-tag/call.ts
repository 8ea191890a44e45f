// The lazy chunk of the script-tag bundle for click-to-call and callbacks (named after this file).
export { clickToCallWidget } from '@tandem/widgets';
