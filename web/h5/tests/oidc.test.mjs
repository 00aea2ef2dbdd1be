// OpenID Connect sign-in (authorization code + PKCE) for real: the page against the second service instance
// (OIDC_BASE_URL, scripts/h5-browser-tests.sh), whose Auth:Authority is the provider stub started here on
// OIDC_PROVIDER_PORT. The API takes the stub's keys from its discovery document and JWKS, as it would from the
// identity platform of 一部手机办事通; development persona tokens mean nothing there.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { BASE, check, launch, phone, SIZES, token } from "./harness.mjs";
import { OIDC_CITIZEN, startOidcStub } from "./oidc-stub.mjs";

const OIDC_BASE = process.env.OIDC_BASE_URL;
const PROVIDER_PORT = Number(process.env.OIDC_PROVIDER_PORT);
const CLIENT_ID = "complaints-h5";

let browser;
let stub;
before(async () => {
  assert.ok(OIDC_BASE && PROVIDER_PORT, "OIDC_BASE_URL and OIDC_PROVIDER_PORT are set by scripts/h5-browser-tests.sh");
  stub = await startOidcStub({ port: PROVIDER_PORT, clientId: CLIENT_ID, audience: "complaints-api" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await stub?.close();
});

const s256 = (verifier) => createHash("sha256").update(verifier).digest("base64url");

async function oidcApi(method, url, accessToken, body) {
  const response = await fetch(OIDC_BASE + url, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, ...(body ? { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

test("with OIDC configured the page offers only it, and the policy's one other host is the configured authority", async () => {
  const config = await (await fetch(OIDC_BASE + "/h5-config.json")).json();
  assert.deepEqual(config.oidc, { authority: stub.issuer, clientId: CLIENT_ID, scope: "openid profile" });
  assert.equal(config.devTokens, false, "no persona picker where persona tokens are not accepted");

  const csp = (await fetch(OIDC_BASE + "/")).headers.get("content-security-policy");
  assert.match(csp, new RegExp(`connect-src 'self' ${stub.issuer};`));
  assert.match(csp, /form-action 'self';/);
  assert.deepEqual([...csp.matchAll(/https?:\/\/[^\s;]+/g)].map((m) => m[0]), [stub.issuer], "no other host anywhere in the policy");
  const plain = (await fetch(BASE + "/")).headers.get("content-security-policy");
  assert.match(plain, /connect-src 'self';/, "without OIDC: this origin only");

  // This instance trusts the identity platform's keys only: a development persona token is refused.
  assert.equal((await oidcApi("GET", "/api/v1/me/complaints", await token("citizen"))).status, 401);
});

for (const size of SIZES) {
  test(`OIDC code + PKCE at ${size.name}: S256 challenge, state, token in sessionStorage only, the citizen reaches 我的投诉`, async () => {
    const { context, page } = await phone(browser, size);
    await page.goto(OIDC_BASE + "/#/mine");
    const signIn = page.getByRole("button", { name: "统一身份认证登录" });
    await signIn.waitFor();
    assert.equal(await page.locator("[data-persona]").count(), 0);
    await check(page, size, "30-oidc-sign-in");

    const authorizationsBefore = stub.authorizations.length;
    const exchangesBefore = stub.tokenRequests.length;
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/me/complaints" && r.request().method() === "GET");
    await signIn.tap();
    assert.equal((await listed).status(), 200, "the API accepts the platform's token");
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "我的投诉");

    // The redirect to the platform: code flow, PKCE with S256, a state, back to the page.
    assert.equal(stub.authorizations.length, authorizationsBefore + 1);
    const asked = stub.authorizations.at(-1);
    assert.equal(asked.response_type, "code");
    assert.equal(asked.client_id, CLIENT_ID);
    assert.equal(asked.redirect_uri, OIDC_BASE + "/");
    assert.equal(asked.scope, "openid profile");
    assert.equal(asked.code_challenge_method, "S256");
    assert.match(asked.code_challenge, /^[A-Za-z0-9_-]{43}$/);
    assert.match(asked.state, /^[A-Za-z0-9_-]{22}$/);

    // The exchange: the verifier whose S256 is the challenge (the stub issues nothing otherwise).
    assert.equal(stub.tokenRequests.length, exchangesBefore + 1);
    const exchange = stub.tokenRequests.at(-1);
    assert.equal(exchange.outcome, "issued");
    assert.equal(s256(exchange.form.code_verifier), asked.code_challenge);
    assert.ok(exchange.form.code_verifier.length >= 43, "a verifier of at least 256 bits");

    // Where the token lives: sessionStorage only; the code and state have left the address.
    const stored = await page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage }, cookie: document.cookie }));
    assert.equal(stored.session["complaints.token"], exchange.accessToken);
    assert.equal(stored.session["complaints.pkce"], undefined, "the verifier is dropped once used");
    assert.equal(stored.cookie, "");
    assert.deepEqual(await context.cookies(), []);
    assert.ok(Object.entries(stored.local).every(([k, v]) => k === "h5.largeText" && !v.includes(exchange.accessToken)), "nothing but the text size in localStorage");
    assert.equal(page.url(), OIDC_BASE + "/#/mine");
    assert.match(await page.locator(".signed-in").textContent(), new RegExp(`已登录:${OIDC_CITIZEN.name}`));

    // The API knows the citizen by that token: a complaint filed with it is theirs, and shows in 我的投诉.
    const agencies = await (await fetch(OIDC_BASE + "/api/v1/agencies?regionCode=530102&q=" + encodeURIComponent("市场监督"))).json();
    const filed = await oidcApi("POST", "/api/v1/complaints", exchange.accessToken, {
      channel: "online_portal", confidential: false, evidenceIds: [],
      respondent: { agencyId: agencies.items[0].id },
      serviceItem: { name: `社会保障卡申领 统一身份认证 ${size.name}` },
      facts: "窗口称系统故障,让我改日再来,已往返两次。", request: "请核实系统故障情况并告知办理时间。",
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    await page.reload();
    await page.getByTestId("my-complaint").filter({ hasText: filed.body.trackingNumber }).waitFor();
    await check(page, size, "31-oidc-my-complaints");
    await context.close();
  });
}

test("a state the page did not send is refused: no code exchange, no token, a message to sign in again", async () => {
  const size = SIZES[1];
  const { context, page } = await phone(browser, size);
  await page.goto(OIDC_BASE + "/#/complain");
  const exchangesBefore = stub.tokenRequests.length;
  stub.tamperNextState = true;
  await page.getByRole("button", { name: "统一身份认证登录" }).tap();
  await page.getByTestId("sign-in-error").waitFor();
  assert.match(await page.getByTestId("sign-in-error").textContent(), /登录状态与本页发出的不一致/);
  assert.equal(stub.tokenRequests.length, exchangesBefore, "the code was not exchanged");
  const session = await page.evaluate(() => ({ ...sessionStorage }));
  assert.equal(session["complaints.token"], undefined);
  assert.equal(session["complaints.pkce"], undefined);
  assert.equal(page.url(), OIDC_BASE + "/#/complain", "the code has left the address");
  await page.getByRole("button", { name: "统一身份认证登录" }).waitFor(); // and it can start again
  await check(page, size, "32-oidc-state-refused");
  await context.close();
});

test("the stub's token endpoint holds the page to PKCE: a wrong verifier or a used code gets no token", async () => {
  const verifier = randomBytes(32).toString("base64url");
  const authorize = async () => {
    const url = new URL(stub.issuer + "/authorize");
    url.search = new URLSearchParams({
      response_type: "code", client_id: CLIENT_ID, redirect_uri: OIDC_BASE + "/", scope: "openid",
      state: "s", code_challenge: s256(verifier), code_challenge_method: "S256",
    }).toString();
    const r = await fetch(url, { redirect: "manual" });
    assert.equal(r.status, 302);
    return new URL(r.headers.get("location")).searchParams.get("code");
  };
  const exchange = (code, codeVerifier) =>
    fetch(stub.issuer + "/token", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: OIDC_BASE + "/", client_id: CLIENT_ID, code_verifier: codeVerifier }),
    });
  assert.equal((await exchange(await authorize(), randomBytes(32).toString("base64url"))).status, 400, "another verifier");
  const code = await authorize();
  assert.equal((await exchange(code, verifier)).status, 200);
  assert.equal((await exchange(code, verifier)).status, 400, "a code is used once");
});
