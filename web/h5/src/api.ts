// The one door to the API: the typed client of clients/typescript (types generated from openapi/v1.json).
// Nothing here declares a request or response shape by hand.
import { createComplaintsClient, type Problem as ContractProblem, type Schemas as ContractSchemas } from "../../../clients/typescript/src/client";
import { currentToken } from "./auth";

export type Schemas = ContractSchemas;
export type Problem = ContractProblem;

/**
 * #10's client: the bearer token on every request, typed paths and bodies. One attempt per tap: the page shows a
 * failure (a dropped connection, a 429 with its wait) and the citizen retries with the same Idempotency-Key,
 * instead of the page waiting out a Retry-After on its own.
 */
export const client = createComplaintsClient({ baseUrl: location.origin, token: () => currentToken() ?? undefined, attempts: 1 });
export const api = client.raw;

/** A failed call as the page shows it: a problem (with field errors), a 429 with its wait, or no connection. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? (status === 0 ? "网络连接失败" : `请求失败(${status})`));
  }
  get fieldErrors(): Record<string, string[]> {
    return this.problem?.errors ?? {};
  }
}

/** Unwraps an openapi-fetch result; throws ApiError for every non-2xx answer. */
export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await promise;
  } catch {
    throw new ApiError(0, undefined, undefined);
  }
  const { data, error, response } = result;
  if (response.ok && data !== undefined) return data;
  if (response.ok) return undefined as T;
  const retry = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
  throw new ApiError(response.status, (error ?? undefined) as Problem | undefined, Number.isFinite(retry) ? retry : undefined);
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
