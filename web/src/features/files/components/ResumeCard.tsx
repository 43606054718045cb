// The resume on your profile: download it, replace it with an upload, or take it off.
import { useMutation, useQuery } from "urql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { MyFilesQuery, SetResumeMutation } from "../api/files";
import { FileRow } from "./FileRow";
import { UploadForm } from "./UploadForm";

export function ResumeCard() {
  const [{ data, fetching, error }] = useQuery({ query: MyFilesQuery });
  const [set, setResume] = useMutation(SetResumeMutation);
  const resume = data?.me?.resume;
  return (
    <section className="card" aria-labelledby="resume-title" data-testid="resume">
      <h2 id="resume-title">Resume</h2>
      {error && !data ? <ErrorNote error={error} /> : null}
      {!data && fetching ? <Loading /> : null}
      {resume ? (
        <ul className="rows">
          <FileRow file={resume}>
            <button type="button" className="small" disabled={set.fetching} onClick={() => setResume({ fileId: null })}>
              Take off profile
            </button>
          </FileRow>
        </ul>
      ) : data ? (
        <Empty>No resume on your profile yet. Upload one: applications with a description then show how well it matches.</Empty>
      ) : null}
      {set.error ? <ErrorNote error={set.error} /> : null}
      <UploadForm label={resume ? "Replace the resume (PDF, Word or text)" : "Resume file (PDF, Word or text)"} kind="RESUME" onUploaded={(fileId) => setResume({ fileId })} />
    </section>
  );
}
