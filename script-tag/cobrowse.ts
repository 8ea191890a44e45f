// The lazy chunk of the script-tag bundle for co-browse (named after this file); rrweb's recorder is a
// further chunk, fetched when a session starts.
export { cobrowse } from '@tandem/cobrowse';
