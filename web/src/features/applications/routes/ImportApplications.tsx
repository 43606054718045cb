// /applications/import — pick a CSV or XLSX file, see what each row would become (a preview that creates nothing),
// then import: the report says which rows were created and why the others were refused.
import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import { FormError } from "@/components/Field";
import { UPLOAD_CONTEXT } from "@/features/files";
import type { ImportApplicationsMutation as ImportAnswer } from "@/gql/graphql";
import { fieldErrors, formError } from "@/lib/errors";
import { ImportApplicationsMutation } from "../api/transfer";
import { ApplicationsHeader } from "../components/ApplicationsHeader";

type Report = ImportAnswer["importApplications"];

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

const OUTCOMES = { WOULD_CREATE: "would be created", CREATED: "created", REFUSED: "refused" } as const;

export function ImportReport({ report }: { report: Report }) {
  return (
    <section className="card" aria-label={report.committed ? "Import report" : "Import preview"}>
      <h2>{report.committed ? "Imported" : "Preview"}</h2>
      <p role="status">
        {report.committed
          ? `${count(report.createdCount, "application")} created, ${count(report.refusedCount, "row")} refused.`
          : `${count(report.createdCount, "row")} would be created, ${report.refusedCount} would be refused. Nothing is saved yet.`}
      </p>
      {report.columns.length ? (
        <p className="muted">Columns read: {report.columns.map((column) => `${column.column} → ${column.field}`).join(", ")}</p>
      ) : null}
      {report.ignoredColumns.length ? <p className="muted">Columns ignored: {report.ignoredColumns.join(", ")}</p> : null}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Each row of the file</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Company</th>
              <th scope="col">Position</th>
              <th scope="col">Outcome</th>
              <th scope="col">Reasons</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.row} data-outcome={row.outcome}>
                <td>{row.row}</td>
                <td>{row.company ?? "—"}</td>
                <td>{row.applicationId ? <Link to={`/applications/${row.applicationId}`}>{row.position ?? "—"}</Link> : (row.position ?? "—")}</td>
                <td>{OUTCOMES[row.outcome]}</td>
                <td>{row.errors.map((error) => `${error.field}: ${error.message}`).join("; ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function ImportApplications() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, run] = useMutation(ImportApplicationsMutation);
  const [report, setReport] = useState<Report | null>(null);
  async function send(commit: boolean) {
    if (!file) return;
    const answer = await run({ file, commit }, UPLOAD_CONTEXT);
    setReport(answer.data?.importApplications ?? null);
  }
  function preview(event: FormEvent) {
    event.preventDefault();
    void send(false);
  }
  // The graph names the upload (`file`) or the format it cannot read: both are about the file chosen.
  const fileError = Object.values(fieldErrors(result.error))[0];
  return (
    <div className="page page--wide">
      <ApplicationsHeader />
      <h2>Import applications</h2>
      <form className="form card" onSubmit={preview} noValidate>
        <div className={fileError ? "field field--invalid" : "field"}>
          <label htmlFor="import-file">CSV or XLSX file (a header row names the columns: company, position, status…)</label>
          <input
            id="import-file"
            ref={input}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "import-file-error" : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
          {fileError ? (
            <small id="import-file-error" className="field-error" role="alert">
              {fileError}
            </small>
          ) : null}
        </div>
        <FormError message={formError(result.error)} />
        <div className="actions">
          <button type="submit" disabled={!file || result.fetching}>
            Preview
          </button>
          {report && !report.committed && report.createdCount > 0 ? (
            <button type="button" className="primary" disabled={result.fetching} onClick={() => void send(true)}>
              Import {count(report.createdCount, "application")}
            </button>
          ) : null}
        </div>
      </form>
      {report ? <ImportReport report={report} /> : null}
      {report?.committed ? (
        <p>
          <Link to="/applications/table?orderBy=NEWEST">See them in the table</Link>
        </p>
      ) : null}
    </div>
  );
}
