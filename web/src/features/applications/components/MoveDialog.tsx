// Move an application to another status with a note: where a drop lands, and the keyboard way to do the same.
import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/Dialog";
import { SelectField, TextArea } from "@/components/Field";
import { STATUSES, statusLabel } from "@/components/StatusBadge";
import type { ApplicationStatus } from "@/gql/graphql";

export type Move = { id: string; title: string; status: ApplicationStatus };

export function MoveDialog(props: { move: Move | null; onCancel: () => void; onConfirm: (status: ApplicationStatus, note: string | null) => void }) {
  return (
    <Dialog open={props.move !== null} title={props.move ? `Move ${props.move.title}` : "Move"} onClose={props.onCancel}>
      {props.move ? <MoveForm key={props.move.id + props.move.status} {...props} move={props.move} /> : null}
    </Dialog>
  );
}

function MoveForm({ move, onCancel, onConfirm }: { move: Move; onCancel: () => void; onConfirm: (status: ApplicationStatus, note: string | null) => void }) {
  const [status, setStatus] = useState<ApplicationStatus>(move.status);
  const [note, setNote] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm(status, note.trim() === "" ? null : note.trim());
  }
  return (
    <form className="form" onSubmit={submit}>
      <SelectField
        label="New status"
        value={status}
        onChange={(event) => setStatus(event.target.value as ApplicationStatus)}
        options={STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
      />
      <TextArea label="Note" value={note} onChange={(event) => setNote(event.target.value)} rows={3} autoFocus />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button className="primary" type="submit">
          Move
        </button>
      </div>
    </form>
  );
}
