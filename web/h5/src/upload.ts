// One evidence file, uploaded with progress. fetch() cannot report upload progress, so this is the one
// request the page sends with XMLHttpRequest; its answer is typed by the generated contract.
import { ApiError, newIdempotencyKey, type Problem, type Schemas } from "./api";
import { currentToken } from "./auth";

export type Evidence = Schemas["EvidenceView"];

export function uploadEvidence(
  file: Blob,
  fileName: string,
  idempotencyKey: string,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<Evidence> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/evidence");
    const token = currentToken();
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Idempotency-Key", idempotencyKey);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as Evidence);
      } else {
        const retry = Number.parseInt(xhr.getResponseHeader("Retry-After") ?? "", 10);
        reject(new ApiError(xhr.status, body as Problem | undefined, Number.isFinite(retry) ? retry : undefined));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, undefined, undefined));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort());
    const form = new FormData();
    form.append("file", file, fileName);
    xhr.send(form);
  });
}

export { newIdempotencyKey };
