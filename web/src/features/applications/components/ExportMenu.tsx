// "Export": the applications of the table's current filter as a CSV, XLSX or JSON file, then a link to download it.
import { useState } from "react";
import { useMutation } from "urql";
import { ErrorNote } from "@/components/States";
import type { ApplicationFileFormat, ApplicationFilter } from "@/gql/graphql";
import { formatDateTime } from "@/lib/dates";
import { ExportApplicationsMutation } from "../api/transfer";

const FORMATS: readonly ApplicationFileFormat[] = ["CSV", "XLSX", "JSON"];

export function ExportMenu({ filter }: { filter: ApplicationFilter }) {
  const [result, exportFile] = useMutation(ExportApplicationsMutation);
  const [format, setFormat] = useState<ApplicationFileFormat | null>(null);
  const file = result.data?.exportApplications;
  return (
    <details className="export-menu">
      <summary>Export</summary>
      <div className="actions" role="group" aria-label="Export the applications shown">
        {FORMATS.map((value) => (
          <button
            key={value}
            type="button"
            className="small"
            disabled={result.fetching}
            onClick={() => {
              setFormat(value);
              void exportFile({ format: value, filter });
            }}
          >
            {value}
          </button>
        ))}
      </div>
      {result.fetching ? <p role="status">Writing the {format} file…</p> : null}
      {result.error ? <ErrorNote error={result.error} /> : null}
      {file && !result.fetching ? (
        <p role="status">
          <a href={file.url} download={file.filename}>
            Download {file.filename}
          </a>{" "}
          <span className="muted">
            ({file.rowCount} applications; the link works until {formatDateTime(file.expiresAt)})
          </span>
        </p>
      ) : null}
    </details>
  );
}
