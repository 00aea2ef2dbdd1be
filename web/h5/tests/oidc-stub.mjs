// A tiny OpenID Connect provider for the H5 browser tests: the authorization-code flow with PKCE (RFC 7636, S256
// only), tokens signed RS256 with a key made at start and published as a JWKS, which the second service instance
// (scripts/h5-browser-tests.sh, Auth:Authority = this stub) fetches through discovery exactly as it would from the
// real identity platform. It signs in one fixed citizen without asking (there is no login form to fill).
// It records what it was asked, so that a test can assert on the authorization request and on the token exchange.
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";

const b64url = (buffer) => Buffer.from(buffer).toString("base64url");

/** The citizen this provider signs in (the identity number passes the GB 11643 check; it is nobody's). */
export const OIDC_CITIZEN = {
  sub: "oidc-citizen-zhang-wei",
  role: "citizen",
  name: "张伟",
  id_type: "resident_id",
  id_number: "530102199003071238",
  phone: "13600002222",
};

export async function startOidcStub({ port, clientId, audience }) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = b64url(randomBytes(8));
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const issuer = `http://127.0.0.1:${port}`;
  const codes = new Map(); // code → { challenge, redirectUri, clientId }
  const stub = {
    issuer,
    authorizations: [], // the query of each authorization request
    tokenRequests: [], // { form, outcome } of each token request
    tamperNextState: false, // answer the next authorization with a state the page did not send
  };

  function sign(claims) {
    const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
    const payload = b64url(JSON.stringify(claims));
    const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  function json(res, status, body) {
    // The page calls discovery and the token endpoint from its own origin (CORS, as a real platform allows).
    res.writeHead(status, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" });
    res.end(JSON.stringify(body));
  }

  function authorize(url, res) {
    const q = Object.fromEntries(url.searchParams);
    stub.authorizations.push(q);
    if (q.response_type !== "code" || q.client_id !== clientId || !q.redirect_uri) return json(res, 400, { error: "invalid_request" });
    const back = new URL(q.redirect_uri);
    if (q.code_challenge_method !== "S256" || !/^[A-Za-z0-9_-]{43}$/.test(q.code_challenge ?? "")) {
      back.search = new URLSearchParams({ error: "invalid_request", error_description: "PKCE S256 required", state: q.state ?? "" }).toString();
    } else {
      const code = b64url(randomBytes(24));
      codes.set(code, { challenge: q.code_challenge, redirectUri: q.redirect_uri, clientId: q.client_id });
      const state = stub.tamperNextState ? b64url(randomBytes(16)) : q.state;
      stub.tamperNextState = false;
      back.search = new URLSearchParams({ code, state }).toString();
    }
    res.writeHead(302, { Location: back.toString() });
    res.end();
  }

  function token(form, res) {
    const refuse = (why) => {
      stub.tokenRequests.push({ form, outcome: why });
      json(res, 400, { error: "invalid_grant", error_description: why });
    };
    const grant = codes.get(form.code);
    if (form.grant_type !== "authorization_code" || !grant) return refuse("unknown or used code");
    codes.delete(form.code); // one use only
    if (form.client_id !== grant.clientId || form.redirect_uri !== grant.redirectUri) return refuse("client or redirect_uri differs");
    const verified = b64url(createHash("sha256").update(form.code_verifier ?? "").digest());
    if (!form.code_verifier || verified !== grant.challenge) return refuse("code_verifier does not match the code_challenge");
    const now = Math.floor(Date.now() / 1000);
    const accessToken = sign({ iss: issuer, aud: audience, iat: now, nbf: now, exp: now + 600, ...OIDC_CITIZEN });
    stub.tokenRequests.push({ form, outcome: "issued", accessToken });
    json(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 600 });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, issuer);
    if (req.method === "GET" && url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        grant_types_supported: ["authorization_code"],
        code_challenge_methods_supported: ["S256"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (req.method === "GET" && url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
    if (req.method === "GET" && url.pathname === "/authorize") return authorize(url, res);
    if (req.method === "POST" && url.pathname === "/token") {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => token(Object.fromEntries(new URLSearchParams(body)), res));
      return;
    }
    json(res, 404, { error: "not_found" });
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  stub.close = () => new Promise((resolve) => server.close(resolve));
  return stub;
}
