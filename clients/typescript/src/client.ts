/**
 * A thin client of the complaint-handling API: the types are generated from openapi/v1.json
 * (src/schema.ts, by openapi-typescript), the calls are openapi-fetch's. This file adds only what
 * every front end would otherwise write itself:
 * - the bearer token on every request;
 * - an Idempotency-Key generated once per logical submission and kept across retries, so a retry
 *   after a lost response replays the first answer instead of filing the complaint twice;
 * - If-Match with the ETag of the case the user is looking at, on every case action;
 * - a typed ProblemError (RFC 9457 problem details with the service's stable `code`) instead of
 *   `{ data, error }` checks at every call site.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths } from "./schema.js";
export type Schemas = components["schemas"];
export type Problem = Schemas["ProblemDetails"];

/** An error response of the API: its status and problem details (`code`, `errors` by JSON path, `article`…). */
export class ProblemError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(`${status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = "ProblemError";
    this.status = status;
    this.problem = problem;
  }

  /** The stable machine code, e.g. `request.validation_failed` or `complaint.invalid_transition`. */
  get code(): string {
    return this.problem.code;
  }

  /** Messages for one field by its JSON path (e.g. `respondent.agencyId`), or none. */
  fieldErrors(path: string): string[] {
    return this.problem.errors?.[path] ?? [];
  }
}

type Result<D> =
  | { data: D; error?: never; response: Response }
  | { data?: never; error: Problem; response: Response };

/** Returns the data of a successful call, or throws its problem as a {@link ProblemError}. */
export async function unwrap<D>(call: Promise<Result<D>>): Promise<{ data: D; response: Response }> {
  const result = await call;
  if (result.error !== undefined) {
    throw new ProblemError(result.response.status, result.error);
  }
  return { data: result.data, response: result.response };
}

export interface ClientOptions {
  /** The service's base URL (the contract's `servers` entry), e.g. `https://complaints.ynzwfw.example`. */
  baseUrl: string;
  /** The caller's bearer token (from the identity platform), read before every request. */
  token?: () => string | undefined | Promise<string | undefined>;
  /** A fetch implementation (tests, or a platform's own). */
  fetch?: (request: Request) => Promise<Response>;
  /** Attempts for an idempotent submission: network failures, 429 and 503 are retried with the same key. */
  attempts?: number;
  /** Waiting before a retry; by default the response's Retry-After, else 1 s. */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createComplaintsClient(options: ClientOptions) {
  const raw: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = await options.token?.();
      if (token) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  };
  raw.use(auth);
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? wait;

  /**
   * Runs an idempotent call with one key across attempts. A thrown network error or a 429/503 is retried
   * (after Retry-After); any other answer is final. The same key and body make the service replay the first
   * response (`Idempotent-Replayed: true`) if it was in fact stored.
   */
  async function idempotent<D>(send: (key: string) => Promise<Result<D>>, key: string = crypto.randomUUID()) {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const result = await send(key);
        const status = result.response.status;
        if ((status === 429 || status === 503) && attempt < attempts) {
          const retryAfter = Number(result.response.headers.get("Retry-After") ?? "1");
          await sleep(Math.max(1, retryAfter) * 1000);
          continue;
        }
        const { data, response } = await unwrap(Promise.resolve(result));
        return { data, response, idempotencyKey: key, replayed: response.headers.get("Idempotent-Replayed") === "true" };
      } catch (error) {
        if (error instanceof ProblemError || attempt === attempts) {
          throw error;
        }
        lastError = error;
        await sleep(1000);
      }
    }
    throw lastError;
  }

  type Id = { id: string };

  return {
    /** The openapi-fetch client, for every operation of the contract. */
    raw,

    /** 第六、七条: submit (or, for staff, register) a complaint; retried safely with one Idempotency-Key. */
    submitComplaint: (body: Schemas["SubmitComplaintRequest"], idempotencyKey?: string) =>
      idempotent(
        (key) => raw.POST("/api/v1/complaints", { body, params: { header: { "Idempotency-Key": key } } }),
        idempotencyKey,
      ),

    /** Upload one evidence file (image or PDF) before submitting; retried safely with one Idempotency-Key. */
    uploadEvidence: (file: Blob, fileName: string, idempotencyKey?: string) =>
      idempotent(
        (key) =>
          raw.POST("/api/v1/evidence", {
            params: { header: { "Idempotency-Key": key } },
            body: { file: fileName },
            bodySerializer: () => {
              const form = new FormData();
              form.append("file", file, fileName);
              return form;
            },
          }),
        idempotencyKey,
      ),

    /** Public status by tracking number and query code (no token needed). */
    lookup: async (body: Schemas["LookupRequest"]) => (await unwrap(raw.POST("/api/v1/complaints/lookup", { body }))).data,

    /** The caller's own complaints, newest first. */
    myComplaints: async (query: { limit?: number; cursor?: string } = {}) =>
      (await unwrap(raw.GET("/api/v1/me/complaints", { params: { query } }))).data,

    /** 第十六条: rate the result of one's own concluded complaint. */
    rate: async (path: Id, body: Schemas["SatisfactionRequest"]) =>
      (await unwrap(raw.POST("/api/v1/complaints/{id}/satisfaction", { params: { path }, body }))).data,

    /** The caller's queue. */
    queue: async (query: { limit?: number; cursor?: string; status?: Schemas["ComplaintStatus"] } = {}) =>
      (await unwrap(raw.GET("/api/v1/cases", { params: { query } }))).data,

    /** A case and its ETag, to send as If-Match with the next action. */
    getCase: async (path: Id) => {
      const { data, response } = await unwrap(raw.GET("/api/v1/cases/{id}", { params: { path } }));
      return { case: data, etag: response.headers.get("ETag") ?? "" };
    },

    /** 第十条: refer to the responsible agency (management). */
    refer: async (path: Id, body: Schemas["ReferralRequest"], etag: string) => {
      const { data, response } = await unwrap(raw.POST("/api/v1/cases/{id}/referral", { params: { path, header: { "If-Match": etag } }, body }));
      return { case: data, etag: response.headers.get("ETag") ?? "" };
    },

    /** 第十一、十二条: accept and classify, or not accept with a 第八条 reason. */
    decideAcceptance: async (path: Id, body: Schemas["AcceptanceRequest"], etag: string) => {
      const { data, response } = await unwrap(raw.POST("/api/v1/cases/{id}/acceptance", { params: { path, header: { "If-Match": etag } }, body }));
      return { case: data, etag: response.headers.get("ETag") ?? "" };
    },

    /** 第十四条: record an investigation step. */
    recordInvestigation: async (path: Id, body: Schemas["InvestigationRecordRequest"], etag: string) => {
      const { data, response } = await unwrap(
        raw.POST("/api/v1/cases/{id}/investigation-records", { params: { path, header: { "If-Match": etag } }, body }),
      );
      return { case: data, etag: response.headers.get("ETag") ?? "" };
    },

    /** 第十三、十四、十五条: conclude with a finding and the result. */
    conclude: async (path: Id, body: Schemas["ConclusionRequest"], etag: string) => {
      const { data, response } = await unwrap(raw.POST("/api/v1/cases/{id}/conclusion", { params: { path, header: { "If-Match": etag } }, body }));
      return { case: data, etag: response.headers.get("ETag") ?? "" };
    },

    /** zh-CN labels of every enum value, by schema name then wire value. */
    labels: async () => (await unwrap(raw.GET("/api/v1/labels"))).data,
  };
}

export type ComplaintsClient = ReturnType<typeof createComplaintsClient>;
