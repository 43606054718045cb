// An application's documents (upload, download, delete) and how well the resume matches its description.
import { useMutation, useQuery } from "urql";
import { Empty, ErrorNote } from "@/components/States";
import { ApplicationFilesQuery, DeleteFileMutation } from "../api/files";
import { FileRow } from "./FileRow";
import { ResumeMatchCard } from "./ResumeMatchCard";
import { UploadForm } from "./UploadForm";

export function ApplicationDocuments({ applicationId }: { applicationId: string }) {
  const [{ data, error }] = useQuery({ query: ApplicationFilesQuery, variables: { id: applicationId } });
  const [deleted, remove] = useMutation(DeleteFileMutation);
  const application = data?.application;
  const documents = application?.documents ?? [];
  return (
    <>
      <ResumeMatchCard match={application?.resumeMatch} hasDescription={Boolean(application?.description)} />
      <section className="card" aria-labelledby="documents-title" data-testid="documents">
        <h2 id="documents-title">Documents</h2>
        {error && !data ? <ErrorNote error={error} /> : null}
        {documents.length ? (
          <ul className="rows">
            {documents.map((file) => (
              <FileRow key={file.id} file={file} busy={deleted.fetching} onDelete={() => remove({ id: file.id })} />
            ))}
          </ul>
        ) : data ? (
          <Empty>No documents yet: attach the cover letter or the offer.</Empty>
        ) : null}
        {deleted.error ? <ErrorNote error={deleted.error} /> : null}
        <details>
          <summary>Attach a document</summary>
          <UploadForm label="Document (PDF, Word, text or image)" applicationId={applicationId} />
        </details>
      </section>
    </>
  );
}
