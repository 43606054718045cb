// Choose a file and send it: small files in the GraphQL request (multipart, one round trip), large ones directly to
// storage with a progress bar (createUpload → PUT → completeUpload); the graph's errors (size, type) show under it.
import { useId, useRef, useState, type FormEvent } from "react";
import { useMutation, type CombinedError } from "urql";
import type { FileKind } from "@/gql/graphql";
import { FormError } from "@/components/Field";
import { fieldErrors, formError } from "@/lib/errors";
import { CompleteUploadMutation, CreateUploadMutation, UPLOAD_CONTEXT, UploadFileMutation } from "../api/files";
import { DIRECT_UPLOAD_THRESHOLD, contentTypeOf, putBytes, sha256Hex, UploadRefused } from "../lib/directUpload";

const ACCEPT = ".pdf,.docx,.txt,.png,.jpg,.jpeg,application/pdf,text/plain,image/png,image/jpeg";
const KINDS: { value: FileKind; label: string }[] = [
  { value: "COVER_LETTER", label: "Cover letter" },
  { value: "OFFER", label: "Offer" },
  { value: "OTHER", label: "Other" },
  { value: "RESUME", label: "Resume" },
];

export function UploadForm(props: { label: string; kind?: FileKind; applicationId?: string; onUploaded?: (id: string) => Promise<unknown> | void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<FileKind>(props.kind ?? "COVER_LETTER");
  const [inRequest, upload] = useMutation(UploadFileMutation);
  const [created, create] = useMutation(CreateUploadMutation);
  const [completed, complete] = useMutation(CompleteUploadMutation);
  const [progress, setProgress] = useState<number | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [graphError, setGraphError] = useState<CombinedError | undefined>();
  const [done, setDone] = useState("");

  async function direct(file: File): Promise<string | null> {
    const started = await create({
      input: {
        kind,
        filename: file.name,
        contentType: contentTypeOf(file),
        size: file.size,
        applicationId: props.applicationId ?? null,
        checksum: await sha256Hex(file),
      },
    });
    const target = started.data?.createUpload;
    if (!target) return (setGraphError(started.error), null);
    setProgress(0);
    try {
      await putBytes(target, file, setProgress);
    } catch (failure) {
      setSendError(failure instanceof UploadRefused ? failure.message : "The file could not be sent.");
      return null;
    } finally {
      setProgress(null);
    }
    const checked = await complete({ id: target.file.id });
    return checked.data?.completeUpload.id ?? (setGraphError(checked.error), null);
  }

  async function inline(file: File): Promise<string | null> {
    const answer = await upload({ file, kind, applicationId: props.applicationId ?? null }, UPLOAD_CONTEXT);
    return answer.data?.uploadFile.id ?? (setGraphError(answer.error), null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setDone("");
    setSendError(null);
    setGraphError(undefined);
    const uploaded = file.size > DIRECT_UPLOAD_THRESHOLD ? await direct(file) : await inline(file);
    if (!uploaded) return;
    await props.onUploaded?.(uploaded);
    if (input.current) input.current.value = "";
    setDone(`Uploaded ${file.name}.`);
  }
  const busy = inRequest.fetching || created.fetching || completed.fetching || progress !== null;
  // createUpload names the input field it refuses (size, contentType, filename): all of them are about the file.
  const error = Object.values(fieldErrors(graphError))[0] ?? sendError ?? undefined;
  return (
    <form className="upload-form" onSubmit={submit} noValidate>
      <div className={error ? "field field--invalid" : "field"}>
        <label htmlFor={id}>{props.label}</label>
        <input id={id} ref={input} type="file" accept={ACCEPT} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        {error ? (
          <small id={`${id}-error`} className="field-error" role="alert">
            {error}
          </small>
        ) : null}
      </div>
      {props.kind ? null : (
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as FileKind)}>
            {KINDS.map((item) => (
              <option key={item.value} value={item.value}>
                {item.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <FormError message={formError(graphError)} />
      {progress !== null ? (
        <progress className="upload-progress" max={1} value={progress} aria-label={`Sending the file: ${Math.round(progress * 100)}%`} />
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Upload
        </button>
        <span role="status">{busy ? (progress !== null ? `Sending… ${Math.round(progress * 100)}%` : "Uploading…") : done}</span>
      </div>
    </form>
  );
}
