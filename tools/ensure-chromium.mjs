// Kept for the scripts that call it: the check (and the install on a fresh Debian machine) lives in
// ensure-browsers.mjs, which the other engines' tests use too.
process.argv.splice(2, process.argv.length, 'chromium');
await import('./ensure-browsers.mjs');
