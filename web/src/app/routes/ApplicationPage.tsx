// /applications/:id — details, salary, job link, description, timeline (with notes), interviews, linked contacts,
// documents and resume match; edit, move, delete.
// Composed here because it joins four features; the details' query is assembled from their components' fragments.
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "@/gql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { ApplicationDetails, ApplicationForm, DeleteApplicationMutation, Timeline, UpdateApplicationMutation } from "@/features/applications";
import { ApplicationContacts } from "@/features/contacts";
import { ApplicationDocuments } from "@/features/files";
import { ApplicationInterviews, ScheduleInterviewForm } from "@/features/interviews";

const ApplicationPageQuery = graphql(`
  query ApplicationPage($id: ID!) {
    application(id: $id) {
      id
      company
      position
      ...ApplicationDetails
      ...ApplicationTimeline
      ...ApplicationFormValues
    }
  }
`);

export default function ApplicationPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: ApplicationPageQuery, variables: { id } });
  const [updated, update] = useMutation(UpdateApplicationMutation);
  const [deleted, remove] = useMutation(DeleteApplicationMutation);
  if (error && !data) return <ErrorNote error={error} />;
  if (!data) return fetching ? <Loading /> : null;
  const application = data.application;
  if (!application) return <Empty>There is no application with this id among yours.</Empty>;
  return (
    <div className="page">
      <ApplicationDetails application={application} />
      <div className="actions">
        <button type="button" onClick={() => setEditing((value) => !value)} aria-expanded={editing}>
          {editing ? "Close editor" : "Edit details"}
        </button>
        <button
          type="button"
          className="danger"
          disabled={deleted.fetching}
          onClick={async () => {
            if (!window.confirm(`Delete ${application.position} at ${application.company}?`)) return;
            const answer = await remove({ id });
            if (answer.data) navigate("/applications/table");
          }}
        >
          Delete
        </button>
      </div>
      {deleted.error ? <ErrorNote error={deleted.error} /> : null}
      {editing ? (
        <section className="card" aria-label="Edit details">
          <ApplicationForm
            initial={application}
            submitLabel="Save changes"
            busy={updated.fetching}
            error={updated.error}
            onSubmit={async ({ status: _status, ...input }) => {
              const answer = await update({ id, input });
              if (answer.data) setEditing(false);
            }}
          />
        </section>
      ) : null}
      <Timeline application={application} />
      <section className="card" aria-labelledby="interviews-title">
        <h2 id="interviews-title">Interviews</h2>
        <ApplicationInterviews applicationId={id} />
        <details>
          <summary>Schedule an interview</summary>
          <ScheduleInterviewForm applicationId={id} />
        </details>
      </section>
      <ApplicationContacts applicationId={id} />
      <ApplicationDocuments applicationId={id} />
    </div>
  );
}
