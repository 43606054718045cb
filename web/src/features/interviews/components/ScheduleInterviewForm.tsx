// Schedule an interview for an application; type decides whether a place or a meeting link is asked for.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FormError, SelectField, TextArea, TextField } from "@/components/Field";
import type { InterviewType } from "@/gql/graphql";
import { localInputToIso } from "@/lib/dates";
import { fieldErrors, formError } from "@/lib/errors";
import { ScheduleInterviewMutation } from "../api/interviews";

const TYPES: InterviewType[] = ["PHONE", "ONLINE", "ONSITE"];

export function ScheduleInterviewForm({ applicationId, onDone }: { applicationId: string; onDone?: () => void }) {
  const [result, schedule] = useMutation(ScheduleInterviewMutation);
  const [form, setForm] = useState({ startsAt: "", durationMinutes: "45", type: "PHONE" as InterviewType, location: "", meetingUrl: "", details: "" });
  const errors = fieldErrors(result.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await schedule({
      input: {
        applicationId,
        startsAt: form.startsAt ? localInputToIso(form.startsAt) : "",
        durationMinutes: Number(form.durationMinutes),
        type: form.type,
        location: form.type === "ONSITE" && form.location.trim() ? form.location.trim() : null,
        meetingUrl: form.type === "ONLINE" && form.meetingUrl.trim() ? form.meetingUrl.trim() : null,
        details: form.details.trim() || null,
      },
    });
    if (answer.data) {
      setForm((current) => ({ ...current, startsAt: "", details: "" }));
      onDone?.();
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Schedule an interview">
      <div className="form-row">
        <TextField label="Starts at" name="startsAt" type="datetime-local" value={form.startsAt} onChange={set("startsAt")} error={errors.startsAt} required />
        <TextField label="Duration (minutes)" name="durationMinutes" type="number" min={1} max={1440} value={form.durationMinutes} onChange={set("durationMinutes")} error={errors.durationMinutes} />
        <SelectField label="Type" name="type" value={form.type} onChange={set("type")} error={errors.type} options={TYPES.map((value) => ({ value, label: value.toLowerCase() }))} />
      </div>
      {form.type === "ONSITE" ? <TextField label="Location" name="location" value={form.location} onChange={set("location")} error={errors.location} /> : null}
      {form.type === "ONLINE" ? <TextField label="Meeting link" name="meetingUrl" type="url" value={form.meetingUrl} onChange={set("meetingUrl")} error={errors.meetingUrl} /> : null}
      <TextArea label="Details" name="details" rows={2} value={form.details} onChange={set("details")} error={errors.details} />
      <FormError message={formError(result.error)} />
      <button className="primary" type="submit" disabled={result.fetching}>
        Schedule interview
      </button>
    </form>
  );
}
