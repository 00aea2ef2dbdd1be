// Sign-in for submitting and "my complaints" (anonymous tracking needs none). Three ways in:
//  1. the host app (一部手机办事通, a WeChat mini-program WebView) opens the page with `#access_token=<JWT>`;
//  2. OpenID Connect authorization code + PKCE against the identity platform named in /h5-config.json;
//  3. in Development only, a persona picker over /api/dev/tokens.
// The token is kept in sessionStorage (gone when the tab closes), never in a cookie or localStorage.

const TOKEN_KEY = "complaints.token";
const PKCE_KEY = "complaints.pkce";
const CHANNEL_KEY = "complaints.channel";

export interface PageConfig {
  devTokens: boolean;
  oidc: { authority: string; clientId: string; scope: string } | null;
}

export interface Identity {
  name: string;
  role: string;
  phone: string | null;
}

let listeners: Array<() => void> = [];
export function onAuthChange(listener: () => void): () => void {
  listeners.push(listener);
  return () => (listeners = listeners.filter((l) => l !== listener));
}
function changed() {
  for (const l of listeners) l();
}

export function currentToken(): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const claims = decode(token);
  if (claims && typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

export function setToken(token: string) {
  sessionStorage.setItem(TOKEN_KEY, token);
  changed();
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  changed();
}

/** Who the token says the caller is (for display only: the API decides from the verified token). */
export function identity(): Identity | null {
  const token = currentToken();
  const claims = token ? decode(token) : null;
  if (!claims) return null;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return { name: str(claims.name) ?? "已登录用户", role: str(claims.role) ?? "", phone: str(claims.phone) };
}

function decode(token: string): Record<string, unknown> | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function loadConfig(): Promise<PageConfig> {
  try {
    const response = await fetch("/h5-config.json", { headers: { Accept: "application/json" } });
    if (response.ok) return (await response.json()) as PageConfig;
  } catch {
    /* offline: no sign-in offered beyond a handed-over token */
  }
  return { devTokens: false, oidc: null };
}

/** A token handed over by the host app in the fragment; removed from the address at once. */
export function takeHandedOverToken(): boolean {
  const match = /^#access_token=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return false;
  setToken(decodeURIComponent(match[1]));
  sessionStorage.setItem(CHANNEL_KEY, "online_app");
  history.replaceState(null, "", location.pathname + "#/");
  return true;
}

/** 第六条: opened by the host app, a complaint comes by 一部手机办事通 (online_app); otherwise by the portal. */
export function channel(): "online_app" | "online_portal" {
  return sessionStorage.getItem(CHANNEL_KEY) === "online_app" ? "online_app" : "online_portal";
}

// ---- Development personas (the endpoint is not part of the published contract) ----

export interface Persona {
  persona: string;
  role: string;
  name: string;
}

export async function listPersonas(): Promise<Persona[]> {
  const response = await fetch("/api/dev/tokens");
  if (!response.ok) return [];
  const all = (await response.json()) as Persona[];
  return all.filter((p) => p.role === "citizen" || p.role === "enterprise");
}

export async function signInAsPersona(persona: string): Promise<void> {
  const response = await fetch("/api/dev/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ persona }),
  });
  if (!response.ok) throw new Error("演示身份登录失败");
  const body = (await response.json()) as { token: string };
  setToken(body.token);
}

// ---- OpenID Connect: authorization code with PKCE (RFC 7636) ----

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function discover(authority: string): Promise<Discovery> {
  const response = await fetch(authority.replace(/\/$/, "") + "/.well-known/openid-configuration");
  if (!response.ok) throw new Error("无法连接统一身份认证平台");
  return (await response.json()) as Discovery;
}

/** Leaves for the identity platform; it returns to this page with ?code=&state=. */
export async function beginOidcSignIn(config: NonNullable<PageConfig["oidc"]>, returnTo: string): Promise<void> {
  const discovery = await discover(config.authority);
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: location.origin + "/",
    scope: config.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  location.assign(url.toString());
}

/**
 * On return from the identity platform: checks the state, exchanges the code (with the PKCE verifier) for a token,
 * then cleans the address and goes back to the page that asked for sign-in. Null when this is no such return;
 * otherwise what happened, in words for the citizen when it failed.
 */
export async function completeOidcSignIn(config: PageConfig["oidc"]): Promise<{ ok: true } | { ok: false; message: string } | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  const saved = sessionStorage.getItem(PKCE_KEY);
  if ((!code && !params.get("error")) || !saved || !config) return null;
  sessionStorage.removeItem(PKCE_KEY);
  const { verifier, state, returnTo } = JSON.parse(saved) as { verifier: string; state: string; returnTo: string };
  history.replaceState(null, "", location.pathname + returnTo);
  dispatchEvent(new HashChangeEvent("hashchange")); // replaceState does not tell the router
  // A state this tab did not send means the answer was not for this sign-in (RFC 6749 §10.12): use nothing of it.
  if (params.get("state") !== state) return { ok: false, message: "登录未完成:认证平台返回的登录状态与本页发出的不一致,请重新登录。" };
  if (!code) return { ok: false, message: "统一身份认证平台未完成登录,请重新登录。" };
  try {
    const discovery = await discover(config.authority);
    const response = await fetch(discovery.token_endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: location.origin + "/",
        client_id: config.clientId,
        code_verifier: verifier,
      }),
    });
    const body = response.ok ? ((await response.json()) as { access_token?: string }) : {};
    if (!body.access_token) return { ok: false, message: "统一身份认证平台未完成登录,请重新登录。" };
    setToken(body.access_token);
    return { ok: true };
  } catch {
    return { ok: false, message: "无法连接统一身份认证平台,请稍后再试。" };
  }
}
