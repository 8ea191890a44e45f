import { render } from 'preact';
import { App } from './App';

const root = document.getElementById('app');
if (root) {
  root.textContent = ''; // the static "Loading…" placeholder
  render(<App url={`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/tandem`} />, root);
}
