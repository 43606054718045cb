// Everything that happened to an application (created, edited, moved, notes, interviews, documents, contacts),
// oldest or newest first, with the form to add a note.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { FormError, TextArea } from "@/components/Field";
import { StatusBadge } from "@/components/StatusBadge";
import { formatDateTime } from "@/lib/dates";
import { fieldErrors, formError } from "@/lib/errors";
import { AddTimelineNoteMutation } from "../api/applications";

export const TimelineEntryItemFragment = graphql(`
  fragment TimelineEntryItem on TimelineEntry {
    id
    at
    kind
    summary
    status
    previousStatus
    note
    changedFields {
      field
      old
      new
    }
    interviewStartsAt
    previousStartsAt
    fileName
    contactName
  }
`);

export const ApplicationTimelineFragment = graphql(`
  fragment ApplicationTimeline on Application {
    id
    timeline {
      id
      ...TimelineEntryItem
    }
  }
`);

export const MAX_NOTE_LENGTH = 5000;

export function TimelineEntryItem(props: { entry: FragmentType<typeof TimelineEntryItemFragment> }) {
  const entry = getFragmentData(TimelineEntryItemFragment, props.entry);
  return (
    <li className={`timeline-entry timeline-entry--${entry.kind.toLowerCase()}`} data-kind={entry.kind}>
      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      <p>
        {entry.status ? <StatusBadge status={entry.status} /> : null} {entry.summary}
      </p>
      {entry.changedFields.length ? (
        <ul className="changes">
          {entry.changedFields.map((change) => (
            <li key={change.field}>
              <strong>{change.field}</strong>
              {change.old != null || change.new != null ? `: ${change.old ?? "—"} → ${change.new ?? "—"}` : " changed"}
            </li>
          ))}
        </ul>
      ) : null}
      {/* The summary quotes a short note already; a long one is cut there, so it is shown whole. */}
      {entry.note && !entry.summary.includes(entry.note) ? <blockquote className="prose">{entry.note}</blockquote> : null}
      {entry.interviewStartsAt ? (
        <p className="muted">
          Interview {entry.previousStartsAt ? `moved from ${formatDateTime(entry.previousStartsAt)} to` : "at"} {formatDateTime(entry.interviewStartsAt)}
        </p>
      ) : null}
      {entry.fileName ? <p className="muted">Document: {entry.fileName}</p> : null}
      {entry.contactName ? (
        <p className="muted">
          Contact: <Link to="/contacts">{entry.contactName}</Link>
        </p>
      ) : null}
    </li>
  );
}

function NoteForm({ applicationId }: { applicationId: string }) {
  const [note, setNote] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const [result, add] = useMutation(AddTimelineNoteMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = note.trim();
    // Checked here first, as the graph checks it, so an empty note is caught without a round trip.
    if (text === "") return setInvalid("Write a note first.");
    if (text.length > MAX_NOTE_LENGTH) return setInvalid(`At most ${MAX_NOTE_LENGTH.toLocaleString()} characters.`);
    setInvalid(null);
    const answer = await add({ applicationId, note: text });
    if (answer.data) setNote("");
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add a note">
      <TextArea
        label="Note"
        name="note"
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={invalid ?? fieldErrors(result.error).note}
      />
      <FormError message={formError(result.error)} />
      <button type="submit" disabled={result.fetching}>
        Add note
      </button>
    </form>
  );
}

export function Timeline(props: { application: FragmentType<typeof ApplicationTimelineFragment> }) {
  const application = getFragmentData(ApplicationTimelineFragment, props.application);
  const [newestFirst, setNewestFirst] = useState(false);
  const entries = newestFirst ? [...application.timeline].reverse() : application.timeline;
  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="section-header">
        <h2 id="timeline-title">Timeline</h2>
        <button type="button" className="small" onClick={() => setNewestFirst((value) => !value)} aria-pressed={newestFirst}>
          Newest first
        </button>
      </div>
      <NoteForm applicationId={application.id} />
      <ol className="timeline" aria-label={newestFirst ? "Timeline, newest first" : "Timeline, oldest first"}>
        {entries.map((entry) => (
          <TimelineEntryItem key={entry.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
