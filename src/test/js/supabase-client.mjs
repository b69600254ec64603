// Drives the official supabase-js client against the service's /auth/v1, the way a partner front end would.
//
// Environment: SUPABASE_URL, SUPABASE_ANON_KEY, EMAIL, PASSWORD.
// Prints one JSON line {ok, steps: {<step>: {ok, ...}}, failed?} with no tokens and no emails, and exits 0 only
// if every step behaved. On failure the exit code is 1 and "failed" names the first step that did not.
import { createClient } from '@supabase/supabase-js';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.log(JSON.stringify({ ok: false, failed: 'config', error: `${name} is not set` }));
    process.exit(2);
  }
  return value;
};

const url = env('SUPABASE_URL');
const anonKey = env('SUPABASE_ANON_KEY');
const email = env('EMAIL');
const password = env('PASSWORD');

// supabase-js 2.119 builds its realtime client inside createClient and throws there when the runtime has no global
// WebSocket (Node.js < 22). This script never opens a realtime channel, so on such runtimes a transport that
// refuses to connect is enough; on Node.js 22+ the options are exactly {auth: {...}}.
const options = () => {
  const auth = { persistSession: false, autoRefreshToken: false };
  if (typeof globalThis.WebSocket !== 'undefined') {
    return { auth };
  }
  class NoRealtime {
    constructor() {
      throw new Error('realtime is not used by this script');
    }
  }
  return { auth, realtime: { transport: NoRealtime } };
};

const supabase = createClient(url, anonKey, options());

const steps = {};

class StepFailed extends Error {
  constructor(step, detail) {
    super(`${step}: ${detail}`);
    this.step = step;
    this.detail = detail;
  }
}

const check = (step, condition, detail) => {
  if (!condition) {
    throw new StepFailed(step, detail);
  }
};

// Only what is safe to print: never tokens, never emails.
const describeError = (error) => (error ? { name: error.name, status: error.status, code: error.code, message: error.message } : null);

async function run() {
  // (a) Password sign-in.
  const signIn = await supabase.auth.signInWithPassword({ email, password });
  check('signIn', !signIn.error, `error ${JSON.stringify(describeError(signIn.error))}`);
  const session = signIn.data.session;
  check('signIn', typeof session?.access_token === 'string' && session.access_token.split('.').length === 3,
    'no JWT access_token in data.session');
  check('signIn', typeof session?.refresh_token === 'string' && session.refresh_token.length > 0, 'no refresh_token in data.session');
  check('signIn', signIn.data.user?.email?.toLowerCase() === email.toLowerCase(), 'data.user.email does not match');
  const userId = signIn.data.user.id;
  steps.signIn = { ok: true, tokenType: session.token_type, expiresIn: session.expires_in };

  // (b) The signed-in user, fetched with the stored session.
  const user = await supabase.auth.getUser();
  check('getUser', !user.error, `error ${JSON.stringify(describeError(user.error))}`);
  check('getUser', user.data.user?.id === userId, 'id differs from the signed-in user');
  steps.getUser = { ok: true, role: user.data.user.app_metadata?.rx_role ?? null };

  // (c) Refresh: the service rotates refresh tokens, so a new one must come back.
  const refreshed = await supabase.auth.refreshSession();
  check('refreshSession', !refreshed.error, `error ${JSON.stringify(describeError(refreshed.error))}`);
  const newSession = refreshed.data.session;
  check('refreshSession', typeof newSession?.refresh_token === 'string' && newSession.refresh_token.length > 0, 'no refresh_token');
  check('refreshSession', newSession.refresh_token !== session.refresh_token, 'refresh token was not rotated');
  check('refreshSession', typeof newSession.access_token === 'string' && newSession.access_token.length > 0, 'no access_token');
  check('refreshSession', refreshed.data.user?.id === userId, 'refreshed session belongs to another user');
  steps.refreshSession = { ok: true, rotated: true };

  // (d) A wrong password: an error with status 400 and no session. A separate client, so the session above stays.
  const other = createClient(url, anonKey, options());
  const wrong = await other.auth.signInWithPassword({ email, password: `${password}-wrong` });
  check('wrongPassword', wrong.error, 'no error for a wrong password');
  check('wrongPassword', wrong.error.status === 400, `status ${wrong.error.status}, expected 400`);
  check('wrongPassword', wrong.data.session === null && wrong.data.user === null, 'a session or user came back');
  steps.wrongPassword = { ok: true, status: wrong.error.status, name: wrong.error.name, code: wrong.error.code ?? null };

  // (e) Sign out (scope global, supabase-js' default), then the client holds no session.
  const signOut = await supabase.auth.signOut();
  check('signOut', !signOut.error, `error ${JSON.stringify(describeError(signOut.error))}`);
  const after = await supabase.auth.getSession();
  check('signOut', after.data.session === null, 'the client still holds a session');
  steps.signOut = { ok: true };
}

const currentStep = () => ['signIn', 'getUser', 'refreshSession', 'wrongPassword', 'signOut'].find((s) => !steps[s]);

try {
  await run();
  console.log(JSON.stringify({ ok: true, steps }));
  process.exit(0);
} catch (e) {
  const step = e instanceof StepFailed ? e.step : currentStep();
  steps[step] = { ok: false, error: e instanceof StepFailed ? e.detail : `${e?.name}: ${e?.message}` };
  console.log(JSON.stringify({ ok: false, failed: step, steps }));
  process.exit(1);
}
