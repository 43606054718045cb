// Choose a file and send it in the GraphQL request (multipart); the graph's errors (size, type) show under it.
import { useId, useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { FileKind } from "@/gql/graphql";
import { FormError } from "@/components/Field";
import { fieldErrors, formError } from "@/lib/errors";
import { UPLOAD_CONTEXT, UploadFileMutation } from "../api/files";

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
  const [result, upload] = useMutation(UploadFileMutation);
  const [done, setDone] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setDone("");
    const answer = await upload({ file, kind, applicationId: props.applicationId ?? null }, UPLOAD_CONTEXT);
    const uploaded = answer.data?.uploadFile;
    if (!uploaded) return;
    await props.onUploaded?.(uploaded.id);
    if (input.current) input.current.value = "";
    setDone(`Uploaded ${file.name}.`);
  }
  const error = fieldErrors(result.error).file;
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
      <FormError message={formError(result.error)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          Upload
        </button>
        <span role="status">{result.fetching ? "Uploading…" : done}</span>
      </div>
    </form>
  );
}
