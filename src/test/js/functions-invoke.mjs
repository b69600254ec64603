// Calls a function through the official supabase-js client, as a partner front end would:
// supabase.functions.invoke(name, {body}) with the signed-in user's session.
//
// Environment: SUPABASE_URL, SUPABASE_ANON_KEY, EMAIL, PASSWORD, FUNCTION, BODY (JSON).
// Prints one JSON line {ok, steps: {<step>: {ok, ...}}, failed?} holding counts, severities and status codes only
// (no tokens, no emails, no clinical text) and exits 0 only if every step behaved.
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
const functionName = env('FUNCTION');
const body = JSON.parse(env('BODY'));

// See supabase-client.mjs: on Node.js < 22 createClient needs a realtime transport, which this script never uses.
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

// The platform's error envelope, read from the failed response supabase-js hands back in error.context.
const envelopeOf = async (error) => {
  const response = error?.context;
  if (!response || typeof response.json !== 'function') {
    return { status: null, code: null };
  }
  const json = await response.json();
  return { status: response.status, code: json?.error?.code ?? null, success: json?.success ?? null };
};

async function run() {
  const signIn = await supabase.auth.signInWithPassword({ email, password });
  check('signIn', !signIn.error, `error status ${signIn.error?.status}`);
  steps.signIn = { ok: true };

  // (a) The function, with the session's bearer token, apikey and x-client-info, as supabase-js sends them.
  const invoked = await supabase.functions.invoke(functionName, { body });
  check('invoke', !invoked.error, `error ${invoked.error?.name} ${JSON.stringify(await envelopeOf(invoked.error))}`);
  const interactions = invoked.data?.interactions;
  check('invoke', Array.isArray(interactions), 'data.interactions is not an array');
  steps.invoke = { ok: true, count: interactions.length, severities: interactions.map((i) => i.severity),
    complete: interactions.every((i) => i.medication && i.description && i.recommendation && i.source) };

  // (b) An unknown function: supabase-js reports FunctionsHttpError; the body is the envelope with NOT_FOUND.
  const unknown = await supabase.functions.invoke('no-such-function', { body: {} });
  check('unknownFunction', unknown.error, 'no error for an unknown function');
  steps.unknownFunction = { ok: true, name: unknown.error.name, ...(await envelopeOf(unknown.error)) };

  // (c) Input with a field the function does not know: 400 VALIDATION_ERROR.
  const bad = await supabase.functions.invoke(functionName, { body: { ...body, unexpected: true } });
  check('badInput', bad.error, 'no error for an unknown field');
  steps.badInput = { ok: true, name: bad.error.name, ...(await envelopeOf(bad.error)) };
}

const currentStep = () => ['signIn', 'invoke', 'unknownFunction', 'badInput'].find((s) => !steps[s]);

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
