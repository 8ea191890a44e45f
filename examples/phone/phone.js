// The phone simulator's page: places a call through /api/phone and shows what the caller would hear.

const $ = (selector) => document.querySelector(selector);
let call = null;
let polling = 0;

async function api(path, body) {
  const response = await fetch(`/api/phone/calls${path}`, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data.message ?? data.error ?? `HTTP ${response.status}`);
  return data;
}

const describe = {
  awaitingCode: 'Waiting for the access code',
  queued: 'On hold for an agent',
  connected: 'Talking to an agent',
  ended: 'Call ended',
  disconnected: 'Disconnected',
  redirected: 'Sent to another number',
};

function show(next) {
  call = next;
  $('#call').hidden = false;
  // Text only: nothing from the server is parsed as HTML.
  $('#prompt').textContent = next.prompt || '';
  $('#state').textContent =
    `${describe[next.state] ?? next.state}${next.state === 'awaitingCode' ? ` (${next.attemptsLeft} attempts left)` : ''}`;
  const live = next.state === 'awaitingCode' || next.state === 'queued' || next.state === 'connected';
  for (const button of document.querySelectorAll('#call button, #keys input')) button.disabled = !live;
  clearInterval(polling);
  if (live) polling = setInterval(() => api(`/${call.id}`).then(show, fail), 500);
}

function fail(error) {
  $('#error').textContent = error.message;
}

$('#dial').addEventListener('submit', (event) => {
  event.preventDefault();
  $('#error').textContent = '';
  const data = new FormData(event.currentTarget);
  api('', { dialed: data.get('dialed'), callerId: data.get('callerId') }).then(show, fail);
});

const key = (digits) => call && api(`/${call.id}/digits`, { digits }).then(show, fail);
// Like a phone menu: keys collect into the digits field, and # sends them.
for (const button of document.querySelectorAll('[data-key]')) {
  button.addEventListener('click', () => {
    const input = $('#keys').elements.digits;
    if (button.dataset.key !== '#') {
      input.value += button.dataset.key;
      return;
    }
    if (input.value) key(input.value);
    input.value = '';
  });
}
$('#keys').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = event.currentTarget.elements.digits;
  if (input.value) key(input.value);
  input.value = '';
});
$('#hangup').addEventListener('click', () => call && api(`/${call.id}/hangup`, {}).then(show, fail));
