// /files — the resume on your profile and every file you uploaded, with download and delete.
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { DeleteFileMutation, MyFilesQuery } from "../api/files";
import { FileRow } from "../components/FileRow";
import { ResumeCard } from "../components/ResumeCard";

export default function Files() {
  const [{ data, fetching, error }] = useQuery({ query: MyFilesQuery });
  const [deleted, remove] = useMutation(DeleteFileMutation);
  const files = data?.me?.files?.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="page">
      <h1>Files</h1>
      <ResumeCard />
      <section className="card" aria-labelledby="files-title">
        <h2 id="files-title">All your files</h2>
        {error && !data ? <ErrorNote error={error} /> : null}
        {!data && fetching ? <Loading /> : null}
        {files.length ? (
          <ul className="rows" data-testid="files">
            {files.map((file) => (
              <FileRow key={file.id} file={file} busy={deleted.fetching} onDelete={() => remove({ id: file.id })} />
            ))}
          </ul>
        ) : data ? (
          <Empty>
            No files yet. Attach documents on an <Link to="/applications/table">application</Link>.
          </Empty>
        ) : null}
        {deleted.error ? <ErrorNote error={deleted.error} /> : null}
      </section>
    </div>
  );
}
