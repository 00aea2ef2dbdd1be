// Up to nine photos or PDFs, from the camera or the album: each photo scaled down on the device, uploaded
// with a progress bar, and removable or retryable on its own. Used by 我要投诉 and by 补充材料.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, newIdempotencyKey } from "./api";
import { prepareForUpload } from "./image";
import { uploadEvidence } from "./upload";

export const MAX_FILES = 9;

export interface Attachment {
  key: number;
  name: string;
  previewUrl: string | null;
  blob: Blob | null;
  idempotencyKey: string;
  state: "preparing" | "uploading" | "done" | "failed";
  progress: number;
  evidenceId: string | null;
  error: unknown;
  abort: AbortController;
}

let attachmentKeys = 0;

/** `max`: how many files may still be added (补充材料: nine less those already attached). */
export function useAttachments(max: number = MAX_FILES) {
  const [files, setFiles] = useState<Attachment[]>([]);
  const [tooMany, setTooMany] = useState(false);
  const filesRef = useRef(files);
  filesRef.current = files;

  useEffect(() => () => filesRef.current.forEach((f) => f.previewUrl && URL.revokeObjectURL(f.previewUrl)), []);

  function update(key: number, change: Partial<Attachment>) {
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));
  }

  async function startUpload(attachment: Attachment) {
    if (!attachment.blob) return;
    update(attachment.key, { state: "uploading", progress: 0, error: null });
    try {
      const evidence = await uploadEvidence(
        attachment.blob,
        attachment.name,
        attachment.idempotencyKey,
        (progress) => update(attachment.key, { progress }),
        attachment.abort.signal,
      );
      update(attachment.key, { state: "done", progress: 1, evidenceId: evidence.id });
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") return;
      update(attachment.key, { state: "failed", error: e });
    }
  }

  async function add(list: FileList | null) {
    if (!list) return;
    const room = max - filesRef.current.length;
    setTooMany(list.length > room);
    for (const file of Array.from(list).slice(0, Math.max(0, room))) {
      const isImage = file.type.startsWith("image/");
      const attachment: Attachment = {
        key: ++attachmentKeys,
        name: file.name,
        previewUrl: null,
        blob: null,
        idempotencyKey: newIdempotencyKey(), // kept across this file's retries
        state: "preparing",
        progress: 0,
        evidenceId: null,
        error: null,
        abort: new AbortController(),
      };
      setFiles((all) => [...all, attachment]);
      const blob = await prepareForUpload(file);
      const name = isImage && blob !== file ? file.name.replace(/\.[^.]*$/, "") + ".jpg" : file.name;
      const ready: Attachment = { ...attachment, blob, name, previewUrl: isImage ? URL.createObjectURL(blob) : null };
      update(attachment.key, { blob, name, previewUrl: ready.previewUrl });
      void startUpload(ready);
    }
  }

  function remove(attachment: Attachment) {
    attachment.abort.abort();
    if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
    setFiles((all) => all.filter((f) => f.key !== attachment.key));
    setTooMany(false);
  }

  function retry(attachment: Attachment) {
    const fresh = { ...attachment, abort: new AbortController() };
    update(attachment.key, { abort: fresh.abort });
    void startUpload(fresh);
  }

  function clear() {
    filesRef.current.forEach((f) => f.previewUrl && URL.revokeObjectURL(f.previewUrl));
    setFiles([]);
  }

  const ready = files.every((f) => f.state === "done");
  const evidenceIds = files.flatMap((f) => (f.evidenceId ? [f.evidenceId] : []));
  return { files, add, remove, retry, clear, ready, evidenceIds, tooMany, max };
}

export function AttachmentPicker(props: { attachments: ReturnType<typeof useAttachments>; legend: string; errors?: string[] | undefined }) {
  const { files, add, remove, retry, tooMany, max } = props.attachments;
  const full = files.length >= max;
  return (
    <fieldset class={props.errors ? "has-error" : ""}>
      <legend>{props.legend}</legend>
      <div class="file-buttons">
        <label class="button file-button">
          拍照
          <input class="visually-hidden" type="file" accept="image/*" capture="environment" disabled={full} onChange={(e) => { void add(e.currentTarget.files); e.currentTarget.value = ""; }} />
        </label>
        <label class="button file-button">
          从相册或文件中选择
          <input class="visually-hidden" type="file" accept="image/*,application/pdf" multiple disabled={full} data-testid="file-input" onChange={(e) => { void add(e.currentTarget.files); e.currentTarget.value = ""; }} />
        </label>
      </div>
      <p class="hint">
        照片会先在手机上压缩(长边不超过 2048 像素)再上传。已选 {files.length} / {max}。
      </p>
      {tooMany ? (
        <p class="field-error" role="alert">
          最多还能上传 {max} 个照片或 PDF 文件,多出的文件没有添加。
        </p>
      ) : null}
      {props.errors ? (
        <p class="field-error" role="alert">
          {props.errors.join(" ")}
        </p>
      ) : null}
      <ul class="attachments">
        {files.map((f) => (
          <li key={f.key} class={`attachment attachment-${f.state}`} data-testid="attachment">
            {f.previewUrl ? <img src={f.previewUrl} alt={`照片 ${f.name}`} width={64} height={64} /> : <span class="pdf-icon" aria-hidden="true">PDF</span>}
            <div class="attachment-body">
              <span class="attachment-name">{f.name}</span>
              <progress max={1} value={f.progress} aria-label={`${f.name} 上传进度`} />
              <span class="attachment-state" aria-live="polite">
                {f.state === "preparing"
                  ? "正在压缩…"
                  : f.state === "uploading"
                    ? `正在上传 ${Math.round(f.progress * 100)}%`
                    : f.state === "done"
                      ? "已上传"
                      : `上传失败:${f.error instanceof ApiError ? f.error.message : "请重试"}`}
              </span>
            </div>
            <div class="attachment-actions">
              {f.state === "failed" ? (
                <button type="button" class="button button-small" onClick={() => retry(f)} aria-label={`重试 ${f.name}`}>
                  重试
                </button>
              ) : null}
              <button type="button" class="button button-small" onClick={() => remove(f)} aria-label={`移除 ${f.name}`}>
                移除
              </button>
            </div>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
