import { websocketTransport } from '@tandem/sdk-core';
import { type AgentClient, createAgentClient } from '@tandem/sdk-core/agent';
import { useState } from 'preact/hooks';
import { Desktop } from './Desktop';
import { createDesktopStore, type DesktopStore } from './store';

export function App({ url }: { url: string }) {
  const [session, setSession] = useState<{ client: AgentClient; store: DesktopStore } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function logIn(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const client = createAgentClient({
      transport: websocketTransport({ url }),
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    const store = createDesktopStore(client);
    setBusy(true);
    setError('');
    try {
      const profile = await client.start();
      store.update((d) => {
        d.profile = profile;
        d.state = profile.state;
      });
      setSession({ client, store });
    } catch (failure) {
      client.stop();
      setError((failure as { message?: string }).message ?? 'Could not log in');
    } finally {
      setBusy(false);
    }
  }

  if (session)
    return <Desktop client={session.client} store={session.store} onLoggedOut={() => setSession(null)} />;
  return (
    <main class="login">
      <h1>Tandem agent desktop</h1>
      <form onSubmit={logIn} aria-describedby="demo-accounts">
        <label>
          Username
          <input name="username" autocomplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          Log in
        </button>
        {error ? (
          <p role="alert" class="error">
            {error}
          </p>
        ) : null}
      </form>
      <p id="demo-accounts" class="hint">
        Demo agents: alice, bruno, chen, dana (the password is the same as the username).
      </p>
    </main>
  );
}
