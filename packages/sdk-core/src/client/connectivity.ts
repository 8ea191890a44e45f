import { getDocument, getWindow } from '../globals';

/**
 * Calls `wake` when the browser comes back online or the tab becomes visible again: the moments a
 * waiting reconnect should happen at once instead of after its backoff. Returns the removal.
 */
export function watchConnectivity(wake: () => void): () => void {
  const win = getWindow();
  const doc = getDocument();
  if (!win || !doc) return () => undefined;
  const onVisibility = () => {
    if (doc.visibilityState === 'visible') wake();
  };
  win.addEventListener('online', wake);
  doc.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('online', wake);
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
