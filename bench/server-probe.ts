// Preloaded into the bench's server process: answers the parent's "memory?" with the heap after a full GC,
// so that memory a session is the live objects it holds, not the resident memory's noise.
const collectGarbage = (globalThis as { gc?: () => void }).gc;
process.on('message', (message) => {
  if (message !== 'memory?') return;
  collectGarbage?.();
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.send?.({ memory: heapUsed + external + arrayBuffers });
});
// The IPC channel must not keep the server alive once it is told to stop.
process.channel?.unref();
