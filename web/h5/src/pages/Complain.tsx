import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError, call, newIdempotencyKey, type Schemas } from "../api";
import { channel, type Identity } from "../auth";
import { currentDeadline } from "../format";
import { AttachmentPicker, useAttachments } from "../attachments";
import { CopyButton, ErrorBox, Field } from "../ui";

type Region = Schemas["RegionView"];
type Agency = Schemas["AgencyView"];
type Submitted = Schemas["SubmittedComplaintView"];
type SubmitBody = Schemas["SubmitComplaintRequest"];

const NO_AGENCY = "00000000-0000-0000-0000-000000000000";

/** 我要投诉: a real-name online complaint (第六、七条) with up to nine photos or PDFs. */
export function Complain(props: { who: Identity }) {
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  if (submitted) return <Confirmation submitted={submitted} />;
  return <ComplaintForm who={props.who} onSubmitted={setSubmitted} />;
}

function ComplaintForm(props: { who: Identity; onSubmitted: (s: Submitted) => void }) {
  const [prefectures, setPrefectures] = useState<Region[]>([]);
  const [counties, setCounties] = useState<Region[]>([]);
  const [prefecture, setPrefecture] = useState("");
  const [county, setCounty] = useState("");
  const [query, setQuery] = useState("");
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [agency, setAgency] = useState<Agency | null>(null);
  const [serviceItem, setServiceItem] = useState("");
  const [staffName, setStaffName] = useState("");
  const [windowNumber, setWindowNumber] = useState("");
  const [facts, setFacts] = useState("");
  const [request, setRequest] = useState("");
  const [confidential, setConfidential] = useState(false);
  const attachments = useAttachments();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [lookupError, setLookupError] = useState<unknown>(null);
  // One key per complaint text: a retry after a dropped connection, or a second tap, replays the first answer.
  const idempotency = useRef<{ key: string; body: string } | null>(null);

  useEffect(() => {
    call(api.GET("/api/v1/regions", { params: { query: { parent: "530000" } } })).then(setPrefectures, setLookupError);
  }, []);

  useEffect(() => {
    setCounty("");
    setCounties([]);
    if (prefecture) call(api.GET("/api/v1/regions", { params: { query: { parent: prefecture } } })).then(setCounties, setLookupError);
  }, [prefecture]);

  useEffect(() => {
    const regionCode = county || prefecture;
    if (!regionCode && query.trim().length === 0) {
      setAgencies(null);
      return;
    }
    const timer = setTimeout(() => {
      const q: { regionCode?: string; q?: string; limit: number } = { limit: 20 };
      if (regionCode) q.regionCode = regionCode;
      if (query.trim()) q.q = query.trim();
      call(api.GET("/api/v1/agencies", { params: { query: q } })).then((page) => setAgencies(page.items), setLookupError);
    }, 250);
    return () => clearTimeout(timer);
  }, [prefecture, county, query]);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return; // a second tap while the first is on its way
    setError(null);
    if (!attachments.ready) {
      setFieldErrors({ evidenceIds: ["请等待材料上传完成,或移除上传失败的文件。"] });
      return;
    }
    const body: SubmitBody = {
      channel: channel(),
      // Required fields are sent as typed, blank or not, so that one answer names every missing one (the server's
      // declared rules); the nil UUID is the contract's "no agency chosen". Optional fields left empty are left out.
      respondent: { agencyId: agency?.id ?? NO_AGENCY, staffName: staffName.trim() || undefined, windowNumber: windowNumber.trim() || undefined },
      serviceItem: { name: serviceItem.trim() },
      facts: facts.trim(),
      request: request.trim(),
      evidenceIds: attachments.evidenceIds,
      confidential,
    };
    const text = JSON.stringify(body);
    if (idempotency.current?.body !== text) idempotency.current = { key: newIdempotencyKey(), body: text };
    setBusy(true);
    try {
      const submitted = await call(
        api.POST("/api/v1/complaints", { body, params: { header: { "Idempotency-Key": idempotency.current.key } } }),
      );
      props.onSubmitted(submitted);
    } catch (e) {
      setFieldErrors(e instanceof ApiError ? e.fieldErrors : {});
      setError(e);
      requestAnimationFrame(() => document.querySelector<HTMLElement>(".has-error input, .has-error textarea, .has-error select, .form-error")?.focus());
    } finally {
      setBusy(false);
    }
  }

  const fe = (key: string) => fieldErrors[key];
  const known = ["respondent.agencyId", "respondent.staffName", "respondent.windowNumber", "serviceItem.name", "serviceItem.code", "facts", "request", "evidenceIds", "confidential"];
  const other = error instanceof ApiError && error.status === 400 && Object.keys(fieldErrors).every((k) => known.includes(k)) ? null : error;

  return (
    <form class="form" onSubmit={submit} noValidate>
      <ErrorBox error={lookupError} />
      <fieldset>
        <legend>被投诉的政务服务机构</legend>
        <Field id="prefecture" label="所在州(市)">
          {(a) => (
            <select {...a} value={prefecture} onChange={(e) => { setPrefecture(e.currentTarget.value); setAgency(null); }}>
              <option value="">全省</option>
              {prefectures.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="county" label="所在县(市、区)">
          {(a) => (
            <select {...a} value={county} disabled={!prefecture} onChange={(e) => { setCounty(e.currentTarget.value); setAgency(null); }}>
              <option value="">全部</option>
              {counties.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="agency" label="机构名称" hint="输入名称中的几个字搜索,再点选机构" errors={fe("respondent.agencyId")} required>
          {(a) => <input {...a} type="search" value={query} autocomplete="off" onInput={(e) => setQuery(e.currentTarget.value)} />}
        </Field>
        {agency ? (
          <p class="chosen" data-testid="chosen-agency">
            已选择:<strong>{agency.name}</strong>
          </p>
        ) : null}
        {agencies && !agency ? (
          agencies.length ? (
            <ul class="choices" aria-label="搜索到的机构">
              {agencies.map((a) => (
                <li key={a.id}>
                  <button type="button" class="button button-block choice" onClick={() => setAgency(a)}>
                    {a.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">没有找到名称相符的机构,请换个关键词或地区。</p>
          )
        ) : null}
        {agency ? (
          <button type="button" class="button button-small" onClick={() => setAgency(null)}>
            重新选择机构
          </button>
        ) : null}
      </fieldset>

      <Field id="service-item" label="服务事项" hint="您当时办理的事项,例如“营业执照变更登记”" errors={fe("serviceItem.name")} required>
        {(a) => <input {...a} value={serviceItem} maxLength={200} onInput={(e) => setServiceItem(e.currentTarget.value)} />}
      </Field>
      <Field id="staff" label="工作人员姓名(如知道)" errors={fe("respondent.staffName")}>
        {(a) => <input {...a} value={staffName} maxLength={50} onInput={(e) => setStaffName(e.currentTarget.value)} />}
      </Field>
      <Field id="window" label="窗口号或工位号(如知道)" errors={fe("respondent.windowNumber")}>
        {(a) => <input {...a} value={windowNumber} maxLength={50} onInput={(e) => setWindowNumber(e.currentTarget.value)} />}
      </Field>
      <Field id="facts" label="投诉事实与理由" hint="何时、何地、发生了什么" errors={fe("facts")} required>
        {(a) => <textarea {...a} rows={6} value={facts} onInput={(e) => setFacts(e.currentTarget.value)} />}
      </Field>
      <Field id="request" label="投诉请求" hint="您希望得到怎样的处理" errors={fe("request")} required>
        {(a) => <textarea {...a} rows={3} value={request} onInput={(e) => setRequest(e.currentTarget.value)} />}
      </Field>
      <div class="field">
        <span class="label-like" id="phone-label">联系电话</span>
        <p aria-labelledby="phone-label" class="readonly" data-testid="contact-phone">
          {props.who.phone ?? "未提供"}
        </p>
        <p class="hint">来自实名认证信息;办理结果将通过此号码和本平台告知您。</p>
      </div>
      <div class={`field checkbox${fe("confidential") ? " has-error" : ""}`}>
        <input id="confidential" type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.currentTarget.checked)} aria-describedby="confidential-hint" />
        <label for="confidential">请求为我的身份和联系方式保密</label>
        <p class="hint" id="confidential-hint">
          保密后,只有指定的投诉处理专人能看到您的身份信息,被投诉的机构和人员看不到(第九条)。
        </p>
      </div>

      <AttachmentPicker attachments={attachments} legend="证明材料(选填,最多 9 个照片或 PDF)" errors={fe("evidenceIds")} />

      {other ? (
        <div class="form-error" tabIndex={-1}>
          <ErrorBox error={other} />
        </div>
      ) : null}
      {Object.keys(fieldErrors).length && !other ? (
        <p class="notice notice-error form-error" tabIndex={-1} role="alert">
          请按提示修改标红的内容后再提交。
        </p>
      ) : null}
      <button type="submit" class="button button-primary button-block" aria-disabled={busy} data-testid="submit">
        {busy ? "正在提交…" : "提交投诉"}
      </button>
    </form>
  );
}

function Confirmation(props: { submitted: Submitted }) {
  const s = props.submitted;
  const deadline = currentDeadline(s.status, s.deadlines);
  return (
    <section class="card confirmation" aria-labelledby="done-title" data-testid="confirmation">
      <h2 id="done-title" tabIndex={-1} ref={(el) => el?.focus()}>
        投诉已提交
      </h2>
      <dl class="codes">
        <div>
          <dt>投诉编号</dt>
          <dd>
            <span class="code" data-testid="tracking-number">{s.trackingNumber}</span>
            <CopyButton text={s.trackingNumber} label="投诉编号" />
          </dd>
        </div>
        <div>
          <dt>查询码</dt>
          <dd>
            <span class="code" data-testid="query-code">{s.queryCode}</span>
            <CopyButton text={s.queryCode} label="查询码" />
          </dd>
        </div>
      </dl>
      <p class="notice notice-wait">请妥善保存投诉编号和查询码:查询码只在此显示一次,凭它无需登录即可查询办理进度。</p>
      {deadline ? <p>{deadline}。</p> : null}
      <div class="actions">
        <a class="button button-primary button-block" href="#/track">
          去查询进度
        </a>
        <a class="button button-block" href="#/mine">
          查看我的投诉
        </a>
      </div>
    </section>
  );
}
