// One stored file: its name (a download link while the signed URL is fresh), kind, size, and Delete.
import { getFragmentData, type FragmentType } from "@/gql";
import { FileRowFragment } from "../api/files";

const KIND_LABELS: Record<string, string> = { RESUME: "Resume", COVER_LETTER: "Cover letter", OFFER: "Offer", OTHER: "Other" };

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function FileRow(props: { file: FragmentType<typeof FileRowFragment>; onDelete?: () => void; busy?: boolean; children?: React.ReactNode }) {
  const file = getFragmentData(FileRowFragment, props.file);
  return (
    <li className="file-row" data-testid={`file-${file.id}`}>
      <span className="file-name">
        {file.downloadUrl ? (
          <a href={file.downloadUrl} download={file.name}>
            {file.name}
          </a>
        ) : (
          file.name
        )}
      </span>
      <span className="muted">
        {KIND_LABELS[file.kind] ?? file.kind} · {formatSize(file.size)}
      </span>
      <span className="file-actions">
        {props.children}
        {props.onDelete ? (
          <button type="button" className="small danger" disabled={props.busy} onClick={props.onDelete} aria-label={`Delete ${file.name}`}>
            Delete
          </button>
        ) : null}
      </span>
    </li>
  );
}
