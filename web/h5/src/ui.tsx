import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { ApiError } from "./api";

let nextId = 0;
export function useId(prefix: string): string {
  const [id] = useState(() => `${prefix}-${++nextId}`);
  return id;
}

/** A labelled input with its hint and its errors from the problem's `errors`, tied by aria-describedby. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | undefined;
  required?: boolean;
  children: (a11y: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ComponentChildren;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.errors?.length ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${errorId ? " has-error" : ""}`} data-field={props.id}>
      <label for={props.id}>
        {props.label}
        {props.required ? <span class="required">(必填)</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.children({ id: props.id, "aria-describedby": describedBy, ...(errorId ? { "aria-invalid": true } : {}) })}
      {errorId ? (
        <p class="field-error" id={errorId} role="alert">
          {props.errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** What went wrong, in words a citizen can act on; a 429 says how long to wait. */
export function describeError(error: unknown): string {
  if (typeof error === "string") return error; // the page's own message
  if (error instanceof ApiError) {
    if (error.status === 0) return "网络连接中断,请检查网络后重试。您填写的内容仍保留在本页。";
    if (error.status === 429) {
      const wait = error.retryAfterSeconds ?? 60;
      return `操作过于频繁,请在 ${wait} 秒后再试。`;
    }
    if (error.status === 401) return "登录已失效,请重新登录。";
    if (error.status >= 500) return "服务暂时不可用,请稍后再试。";
    return error.problem?.detail ?? error.problem?.title ?? error.message;
  }
  return "出现了意外问题,请稍后再试。";
}

export function ErrorBox(props: { error: unknown }) {
  if (!props.error) return null;
  const wait = props.error instanceof ApiError && props.error.status === 429;
  return (
    <div class={wait ? "notice notice-wait" : "notice notice-error"} role="alert" data-testid={wait ? "rate-limited" : "error"}>
      {describeError(props.error)}
    </div>
  );
}

export function CopyButton(props: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
    } catch {
      const area = document.createElement("textarea");
      area.value = props.text;
      area.setAttribute("readonly", "");
      area.className = "offscreen";
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <button type="button" class="button button-small" onClick={copy}>
      <span aria-live="polite">{copied ? `已复制${props.label}` : `复制${props.label}`}</span>
    </button>
  );
}

export function Timeline(props: { items: ReadonlyArray<{ at: string; label: string }> }) {
  return (
    <ol class="timeline">
      {props.items.map((item, i) => (
        <li key={i}>
          <span class="timeline-event">{item.label}</span>
          <span class="timeline-time">{item.at}</span>
        </li>
      ))}
    </ol>
  );
}
