// The lazy chunk of the script-tag bundle for chat and messaging (named after this file).
export { chatWidget, messagingWidget } from '@tandem/widgets';
