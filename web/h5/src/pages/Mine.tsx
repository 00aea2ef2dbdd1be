import { useEffect, useRef, useState } from "preact/hooks";
import { AttachmentPicker, MAX_FILES, useAttachments } from "../attachments";
import { api, ApiError, call, type Schemas } from "../api";
import { currentDeadline, formatTime, isOpen, ratings } from "../format";
import { label, loadLabels, useLabels } from "../labels";
import { ErrorBox, Field, Timeline } from "../ui";
import { Result } from "./Track";

type Summary = Schemas["MyComplaintSummary"];
type Detail = Schemas["MyComplaintView"];
type Rating = Schemas["SatisfactionRating"];

/** 我的投诉: newest first; the next page is fetched through the cursor when the end of the list comes into view. */
export function Mine() {
  useLabels();
  const [items, setItems] = useState<Summary[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const loadingRef = useRef(false);

  async function more(from: string | null | undefined) {
    if (loadingRef.current || from === null) return;
    loadingRef.current = true;
    setLoading(true);
    try {
      const query: { limit: number; cursor?: string } = { limit: 10 };
      if (from) query.cursor = from;
      const [page] = await Promise.all([call(api.GET("/api/v1/me/complaints", { params: { query } })), loadLabels()]);
      setItems((all) => [...all, ...page.items]);
      setCursor(page.nextCursor ?? null);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      loadingRef.current = false;
      setLoading(false);
    }
  }

  useEffect(() => void more(undefined), []);

  useEffect(() => {
    if (!sentinel.current || cursor === null || cursor === undefined) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void more(cursor));
    observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, [cursor]);

  return (
    <>
      <ErrorBox error={error} />
      {items.length === 0 && cursor === null ? (
        <p class="card">
          您还没有提交过投诉。<a href="#/complain">我要投诉</a>
        </p>
      ) : null}
      <ul class="complaint-list" aria-label="我的投诉列表">
        {items.map((c) => (
          <li key={c.id}>
            <a class="complaint-item" href={`#/mine/${c.id}`} data-testid="my-complaint">
              <span class="complaint-title">{c.serviceItem}</span>
              <span class="complaint-agency">{c.respondentAgencyName}</span>
              <span class="complaint-meta">
                <span class={`badge badge-${c.status}`}>{label("ComplaintStatus", c.status)}</span>
                <span>{formatTime(c.receivedAt)}</span>
              </span>
              <span class="complaint-meta code">{c.trackingNumber}</span>
            </a>
          </li>
        ))}
      </ul>
      <div ref={sentinel} class="sentinel" />
      {loading ? <p aria-live="polite">正在加载…</p> : null}
      {cursor ? (
        <button type="button" class="button button-block" onClick={() => void more(cursor)}>
          加载更多
        </button>
      ) : null}
    </>
  );
}

export function MineDetail(props: { id: string }) {
  useLabels();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [agencyName, setAgencyName] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  const [error, setError] = useState<unknown>(null);

  async function load() {
    try {
      const [found] = await Promise.all([call(api.GET("/api/v1/me/complaints/{id}", { params: { path: { id: props.id } } })), loadLabels()]);
      setDetail(found);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }
  useEffect(() => void load(), [props.id]);
  const agencyId = detail?.respondentAgencyId;
  useEffect(() => {
    if (agencyId) call(api.GET("/api/v1/agencies/{id}", { params: { path: { id: agencyId } } })).then((a) => setAgencyName(a.name), () => setAgencyName(null));
  }, [agencyId]);

  if (!detail) return error ? <ErrorBox error={error} /> : <p aria-busy="true">正在加载…</p>;
  const d = detail;
  const deadline = currentDeadline(d.status, d.deadlines);
  return (
    <>
      <section class="card" aria-labelledby="detail-title" data-testid="detail">
        <h2 id="detail-title">{d.serviceItem}</h2>
        <p>
          投诉编号 <span class="code">{d.trackingNumber}</span>
        </p>
        <p class="status-line">
          当前状态:<strong data-testid="status-text">{label("ComplaintStatus", d.status)}</strong>
        </p>
        {deadline ? <p data-testid="deadline">{deadline}</p> : null}
        {d.status === "merged" ? (
          <div class="notice" data-testid="merged">
            <p>您的投诉已与同一事项的其他投诉合并处理(第十三条),办理结果同样告知您。</p>
            {d.mergedInto ? (
              <p>
                并入的投诉件:<span class="code">{d.mergedInto.trackingNumber}</span>,{label("ComplaintStatus", d.mergedInto.status)}
              </p>
            ) : null}
          </div>
        ) : null}
        {d.mergedInto?.result ? <Result result={d.mergedInto.result} /> : null}
        {d.result ? <Result result={d.result} /> : null}
        <h3>投诉内容</h3>
        <dl class="facts">
          <dt>被投诉机构</dt>
          <dd data-testid="agency-name">{agencyName ?? "…"}</dd>
          <dt>投诉事实与理由</dt>
          <dd class="pre">{d.facts}</dd>
          <dt>投诉请求</dt>
          <dd class="pre">{d.request}</dd>
          {d.respondentStaffName ? (
            <>
              <dt>工作人员</dt>
              <dd>{d.respondentStaffName}</dd>
            </>
          ) : null}
          {d.respondentWindowNumber ? (
            <>
              <dt>窗口号</dt>
              <dd>{d.respondentWindowNumber}</dd>
            </>
          ) : null}
          <dt>身份保密</dt>
          <dd>{d.confidential ? "已申请保密" : "未申请"}</dd>
        </dl>
        <h3>证明材料</h3>
        {d.evidenceIds.length ? <Evidence ids={d.evidenceIds} /> : <p class="hint">没有材料。</p>}
        {added ? (
          <p class="notice" role="status" data-testid="materials-added">
            已补充 {added} 个材料,已记入办理过程并通知办理机构。
          </p>
        ) : null}
        <h3>办理过程</h3>
        <Timeline items={d.timeline.map((t) => ({ at: formatTime(t.at), label: label("TimelineEventKind", t.event) }))} />
      </section>
      {isOpen(d.status) && d.evidenceIds.length < MAX_FILES ? <Materials key={d.evidenceIds.join()} detail={d} onDone={(n) => { setAdded(n); return load(); }} /> : null}
      {isOpen(d.status) && d.evidenceIds.length >= MAX_FILES ? (
        <p class="card hint" data-testid="materials-full">
          这件投诉已有 {MAX_FILES} 个材料,达到上限,不能再补充。
        </p>
      ) : null}
      {d.status === "concluded" ? <Satisfaction detail={d} onDone={load} /> : null}
      {isOpen(d.status) ? <Withdraw detail={d} onDone={load} /> : null}
    </>
  );
}

/** The stored (sanitised) files; thumbnails are fetched with the token and shown as blob: URLs. */
function Evidence(props: { ids: string[] }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    for (const id of props.ids) {
      api
        .GET("/api/v1/evidence/{id}/thumbnail", { params: { path: { id } }, parseAs: "blob" })
        .then(({ data }) => {
          if (!live || !(data instanceof Blob)) return;
          const url = URL.createObjectURL(data);
          made.push(url);
          setUrls((all) => ({ ...all, [id]: url }));
        })
        .catch(() => undefined);
    }
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [props.ids.join()]);
  return (
    <ul class="evidence-list">
      {props.ids.map((id, i) => (
        <li key={id}>
          {urls[id] ? <img src={urls[id]} alt={`材料 ${i + 1}`} width={96} height={96} /> : <span class="pdf-icon">材料 {i + 1}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * 补充材料 (第七条) while the complaint is open: the same picker as 我要投诉 (scaled on the device, progress, remove
 * and retry per file), then one call that attaches the uploads to the complaint. Nine files in all, so the picker
 * offers only what is left. Remounted (keyed by the attached files) after each addition, so it starts empty.
 */
function Materials(props: { detail: Detail; onDone: (count: number) => Promise<void> }) {
  const attachments = useAttachments(MAX_FILES - props.detail.evidenceIds.length);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<string[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // A message about the choice ("choose first", "wait for the uploads") is stale once the choice changes.
  useEffect(() => setFieldErrors(undefined), [attachments.files.length]);
  async function send(e: Event) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setFieldErrors(undefined);
    if (attachments.files.length === 0) {
      setFieldErrors(["请先选择要补充的照片或 PDF 文件。"]);
      return;
    }
    if (!attachments.ready) {
      setFieldErrors(["请等待材料上传完成,或移除上传失败的文件。"]);
      return;
    }
    const evidenceIds = attachments.evidenceIds;
    setBusy(true);
    try {
      await call(api.POST("/api/v1/me/complaints/{id}/evidence", { params: { path: { id: props.detail.id } }, body: { evidenceIds } }));
      await props.onDone(evidenceIds.length);
    } catch (e) {
      // A dropped answer may hide a success: if the files are on the complaint now, it is done.
      const now = await call(api.GET("/api/v1/me/complaints/{id}", { params: { path: { id: props.detail.id } } })).catch(() => null);
      if (now && evidenceIds.every((id) => now.evidenceIds.includes(id))) {
        await props.onDone(evidenceIds.length);
        return;
      }
      setFieldErrors(e instanceof ApiError ? e.fieldErrors["evidenceIds"] : undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card form" onSubmit={send} noValidate aria-labelledby="materials-title" data-testid="materials">
      <h2 id="materials-title">补充材料</h2>
      <p class="hint">投诉办结前,可以补充照片或 PDF 等证明材料(第七条),办理机构会收到通知。</p>
      <AttachmentPicker attachments={attachments} legend={`选择材料(还可补充 ${attachments.max} 个)`} errors={fieldErrors} />
      {fieldErrors ? null : <ErrorBox error={error} />}
      <button type="submit" class="button button-primary button-block" aria-disabled={busy} data-testid="materials-submit">
        {busy ? "正在提交…" : "提交补充材料"}
      </button>
    </form>
  );
}

function Satisfaction(props: { detail: Detail; onDone: () => void }) {
  useLabels();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (props.detail.rating) {
    return (
      <section class="card" data-testid="rated">
        <h2>满意度评价</h2>
        <p>
          您的评价:<strong>{label("SatisfactionRating", props.detail.rating)}</strong>。感谢您的反馈。
        </p>
      </section>
    );
  }
  async function send(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (!rating) {
      setError("请选择一个评价等级。");
      return;
    }
    setBusy(true);
    try {
      await call(api.POST("/api/v1/complaints/{id}/satisfaction", { params: { path: { id: props.detail.id } }, body: { rating, comment: comment.trim() || undefined } }));
      props.onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card form" onSubmit={send} noValidate aria-labelledby="rate-title">
      <h2 id="rate-title">满意度评价</h2>
      <fieldset>
        <legend>您对办理结果满意吗?(只能评价一次)</legend>
        {ratings.map((value) => (
          <label key={value} class="radio">
            <input type="radio" name="rating" value={value} checked={rating === value} onChange={() => setRating(value)} />
            {label("SatisfactionRating", value)}
          </label>
        ))}
      </fieldset>
      <Field id="rating-comment" label="意见或建议(选填)">
        {(a) => <textarea {...a} rows={3} value={comment} maxLength={500} onInput={(e) => setComment(e.currentTarget.value)} />}
      </Field>
      <ErrorBox error={error} />
      <button type="submit" class="button button-primary button-block" aria-disabled={busy}>
        提交评价
      </button>
    </form>
  );
}

function Withdraw(props: { detail: Detail; onDone: () => void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    if (busy) return;
    setBusy(true);
    try {
      await call(api.POST("/api/v1/complaints/{id}/withdrawal", { params: { path: { id: props.detail.id } }, body: { reason: reason.trim() || undefined } }));
      setAsking(false);
      props.onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">撤回投诉</h2>
      {!asking ? (
        <button type="button" class="button button-block" onClick={() => setAsking(true)}>
          撤回
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="withdraw-confirm" class="confirm">
          <p id="withdraw-confirm">
            <strong>确定撤回这件投诉吗?</strong>撤回后将停止办理,且不能恢复。
          </p>
          <Field id="withdraw-reason" label="撤回原因(选填)">
            {(a) => <textarea {...a} rows={2} value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <ErrorBox error={error} />
          <div class="actions">
            <button type="button" class="button button-danger button-block" onClick={confirm} aria-disabled={busy}>
              确认撤回
            </button>
            <button type="button" class="button button-block" onClick={() => setAsking(false)}>
              取消
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
