import { useState } from "preact/hooks";
import { api, ApiError, call, type Schemas } from "../api";
import { currentDeadline, formatTime } from "../format";
import { label, loadLabels, useLabels } from "../labels";
import { ErrorBox, Field, Timeline } from "../ui";

type Status = Schemas["PublicStatusView"];

/** 投诉查询: by 投诉编号 and 查询码, without signing in; shows no personal data. */
export function Track() {
  const [trackingNumber, setTrackingNumber] = useState("");
  const [queryCode, setQueryCode] = useState("");
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);

  async function lookup(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const [found] = await Promise.all([
        call(api.POST("/api/v1/complaints/lookup", { body: { trackingNumber: trackingNumber.trim(), queryCode: queryCode.trim() } })),
        loadLabels(), // the status in words, not its wire name
      ]);
      setStatus(found);
    } catch (e) {
      setStatus(null);
      if (e instanceof ApiError && e.status === 400) setFieldErrors(e.fieldErrors);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <>
      <form class="form" onSubmit={lookup} noValidate>
        <Field id="tracking-number" label="投诉编号" hint="提交投诉后显示的编号" errors={fieldErrors["trackingNumber"]}>
          {(a) => <input {...a} value={trackingNumber} autocomplete="off" autocapitalize="characters" onInput={(e) => setTrackingNumber(e.currentTarget.value)} />}
        </Field>
        <Field id="query-code" label="查询码" errors={fieldErrors["queryCode"]}>
          {(a) => <input {...a} value={queryCode} autocomplete="off" onInput={(e) => setQueryCode(e.currentTarget.value)} />}
        </Field>
        {notFound ? (
          <p class="notice notice-error" role="alert" data-testid="not-found">
            没有找到这件投诉。请核对投诉编号和查询码(注意区分字母和数字)后再试。
          </p>
        ) : (
          <ErrorBox error={error} />
        )}
        <button type="submit" class="button button-primary button-block" aria-disabled={busy}>
          {busy ? "正在查询…" : "查询"}
        </button>
      </form>
      {status ? <PublicStatus status={status} /> : null}
    </>
  );
}

function PublicStatus(props: { status: Status }) {
  useLabels();
  const s = props.status;
  const deadline = currentDeadline(s.status, s.deadlines);
  return (
    <section class="card" aria-labelledby="status-title" data-testid="status">
      <h2 id="status-title">办理进度</h2>
      <p>
        投诉编号 <span class="code">{s.trackingNumber}</span>
      </p>
      <p class="status-line">
        当前状态:<strong data-testid="status-text">{label("ComplaintStatus", s.status)}</strong>
      </p>
      {deadline ? <p data-testid="deadline">{deadline}</p> : null}
      {s.result ? <Result result={s.result} /> : null}
      <h3>办理过程</h3>
      <Timeline items={s.timeline.map((t) => ({ at: formatTime(t.at), label: label("TimelineEventKind", t.event) }))} />
    </section>
  );
}

export function Result(props: { result: NonNullable<Status["result"]> }) {
  useLabels();
  const r = props.result;
  return (
    <div class="result" data-testid="result">
      <h3>办理结果</h3>
      <p>
        调查结论:<strong>{label("Finding", r.finding)}</strong>
        {r.invalidComplaint ? "(无效投诉)" : ""}
      </p>
      <p class="pre">{r.result}</p>
      {r.measures ? <p class="pre">整改措施:{r.measures}</p> : null}
      <p class="hint">办结时间:{formatTime(r.concludedAt)}</p>
    </div>
  );
}
