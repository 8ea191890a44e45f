import { useEffect, useState } from 'preact/hooks';
import type { DesktopState, DesktopStore } from './store';

export function useDesktop(store: DesktopStore): DesktopState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    const unsubscribe = store.subscribe(() => setState(store.get()));
    // What changed between the first render and this effect (events arrive in between) is caught up here.
    setState(store.get());
    return () => void unsubscribe();
  }, [store]);
  return state;
}
