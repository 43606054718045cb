// Bulk changes to the rows selected in the table: a new status (with a note) or deletion after a confirmation;
// then a summary of what happened to each one.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Dialog } from "@/components/Dialog";
import { SelectField, TextArea } from "@/components/Field";
import { ErrorNote } from "@/components/States";
import { STATUSES, statusLabel } from "@/components/StatusBadge";
import type { ApplicationBulkOutcome, ApplicationStatus } from "@/gql/graphql";
import { ChangeApplicationsStatusMutation, DeleteApplicationsMutation } from "../api/applications";

export type Selected = { id: string; title: string };
type Outcome = { id: string; outcome: ApplicationBulkOutcome };

const OUTCOMES: Record<ApplicationBulkOutcome, string> = {
  CHANGED: "changed",
  UNCHANGED: "already in that status",
  DELETED: "deleted",
  NOT_FOUND: "not found (deleted elsewhere?)",
};

/** "2 changed, 1 already in that status" — the outcomes counted in the order the graph defines them. */
export function summarise(outcomes: readonly Outcome[]): string {
  return (Object.keys(OUTCOMES) as ApplicationBulkOutcome[])
    .map((outcome) => [outcome, outcomes.filter((item) => item.outcome === outcome).length] as const)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${OUTCOMES[outcome]}`)
    .join(", ");
}

export function BulkActions({ selected, onDone }: { selected: readonly Selected[]; onDone: () => void }) {
  const [status, setStatus] = useState<ApplicationStatus>("APPLIED");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [report, setReport] = useState<{ titles: Record<string, string>; outcomes: Outcome[] } | null>(null);
  const [changed, change] = useMutation(ChangeApplicationsStatusMutation);
  const [deleted, remove] = useMutation(DeleteApplicationsMutation);
  const ids = selected.map((item) => item.id);
  const titles = Object.fromEntries(selected.map((item) => [item.id, item.title]));

  async function changeStatus(event: FormEvent) {
    event.preventDefault();
    const answer = await change({ ids, status, note: note.trim() === "" ? null : note.trim() });
    if (answer.data) {
      setReport({ titles, outcomes: answer.data.changeApplicationsStatus });
      setNote("");
      onDone();
    }
  }
  async function deleteAll() {
    setConfirming(false);
    const answer = await remove({ ids });
    if (answer.data) {
      setReport({ titles, outcomes: answer.data.deleteApplications });
      onDone();
    }
  }

  return (
    <>
      {selected.length ? (
        <form className="bulk card" aria-label="Change the selected applications" onSubmit={changeStatus}>
          <strong>{selected.length} selected</strong>
          <SelectField
            label="New status"
            name="bulkStatus"
            value={status}
            onChange={(event) => setStatus(event.target.value as ApplicationStatus)}
            options={STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
          />
          <TextArea label="Note" name="bulkNote" rows={1} value={note} onChange={(event) => setNote(event.target.value)} />
          <div className="actions">
            <button className="primary" type="submit" disabled={changed.fetching}>
              Change status
            </button>
            <button type="button" className="danger" disabled={deleted.fetching} onClick={() => setConfirming(true)}>
              Delete…
            </button>
          </div>
        </form>
      ) : null}
      {changed.error ? <ErrorNote error={changed.error} /> : null}
      {deleted.error ? <ErrorNote error={deleted.error} /> : null}
      <Dialog open={confirming} title={`Delete ${selected.length} applications?`} onClose={() => setConfirming(false)}>
        <p>Their timelines and interviews go with them. This cannot be undone.</p>
        <div className="actions">
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={deleteAll}>
            Delete {selected.length}
          </button>
        </div>
      </Dialog>
      {report ? (
        <section className="card bulk-report" role="status" aria-label="Bulk change summary">
          <p>
            <strong>{summarise(report.outcomes)}</strong>{" "}
            <button type="button" className="small" onClick={() => setReport(null)}>
              Dismiss
            </button>
          </p>
          <ul>
            {report.outcomes.map((item) => (
              <li key={item.id}>
                {report.titles[item.id] ?? item.id}: {OUTCOMES[item.outcome]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
