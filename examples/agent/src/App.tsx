import { websocketTransport } from '@tandem/sdk-core';
import { type AgentClient, createAgentClient } from '@tandem/sdk-core/agent';
import { useEffect, useState } from 'preact/hooks';
import { Desktop } from './Desktop';
import { createDesktopStore, type DesktopStore } from './store';

// This tab's session, kept for a reload: its token stands for the password while the session lives.
const savedKey = 'tandem-agent-session';
type Saved = { token: string; lastSeq: number };

function savedSession(): Saved | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(savedKey) ?? 'null') as Partial<Saved> | null;
    return typeof value?.token === 'string' && typeof value.lastSeq === 'number'
      ? { token: value.token, lastSeq: value.lastSeq }
      : undefined;
  } catch {
    return undefined;
  }
}

const keepSession = (state: Saved) => {
  try {
    sessionStorage.setItem(savedKey, JSON.stringify(state));
  } catch {
    // Storage may be full or blocked: a reload then asks for the password again.
  }
};

const forgetSession = () => {
  try {
    sessionStorage.removeItem(savedKey);
  } catch {
    // Nothing kept, nothing to forget.
  }
};

export function App({ url }: { url: string }) {
  const [session, setSession] = useState<{ client: AgentClient; store: DesktopStore } | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [resuming, setResuming] = useState(() => savedSession() !== undefined);

  async function begin(signIn: { username: string; password: string } | { resume: Saved }) {
    const client = createAgentClient({
      transport: websocketTransport({ url }),
      ...signIn,
      onResumeState: keepSession,
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
      // After a reload: the conversations in progress come back, whole.
      if ('resume' in signIn) await client.resync();
    } catch (failure) {
      client.stop();
      if ('resume' in signIn) forgetSession();
      else setError((failure as { message?: string }).message ?? 'Could not log in');
    } finally {
      setBusy(false);
      setResuming(false);
    }
  }

  function logIn(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void begin({
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
    });
  }

  useEffect(() => {
    const saved = savedSession();
    if (saved) void begin({ resume: saved });
  }, []);

  if (resuming && !session)
    return (
      <main class="login">
        <h1>Tandem agent desktop</h1>
        <p role="status">Signing you back in…</p>
      </main>
    );
  if (session)
    return (
      <Desktop
        client={session.client}
        store={session.store}
        onLoggedOut={() => {
          forgetSession();
          setSession(null);
        }}
      />
    );
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
