// Email on or off, and when interview reminders come (one to five lead times, or none).
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { FormError } from "@/components/Field";
import { fieldErrors, formError } from "@/lib/errors";
import { UpdateNotificationSettingsMutation } from "../api/notifications";

const LEAD_TIMES = [
  { minutes: 15, label: "15 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 180, label: "3 hours" },
  { minutes: 1440, label: "1 day" },
  { minutes: 10080, label: "1 week" },
];

export function NotificationSettingsForm({ settings }: { settings: { emailEnabled: boolean; reminderLeadMinutes: number[] } }) {
  const [result, update] = useMutation(UpdateNotificationSettingsMutation);
  const [emailEnabled, setEmailEnabled] = useState(settings.emailEnabled);
  const [leads, setLeads] = useState(new Set(settings.reminderLeadMinutes));
  const [saved, setSaved] = useState(false);
  // Lead times set elsewhere (the API takes any minute count) stay choosable here.
  const choices = [
    ...LEAD_TIMES,
    ...settings.reminderLeadMinutes.filter((minutes) => !LEAD_TIMES.some((item) => item.minutes === minutes)).map((minutes) => ({ minutes, label: `${minutes} minutes` })),
  ];
  const toggle = (minutes: number) => {
    setSaved(false);
    setLeads((current) => {
      const next = new Set(current);
      if (!next.delete(minutes)) next.add(minutes);
      return next;
    });
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await update({ input: { emailEnabled, reminderLeadMinutes: [...leads].sort((a, b) => a - b) } });
    setSaved(Boolean(answer.data));
  }
  const leadError = fieldErrors(result.error).reminderLeadMinutes;
  return (
    <form onSubmit={submit} noValidate>
      <label className="check">
        <input
          type="checkbox"
          checked={emailEnabled}
          onChange={(event) => {
            setSaved(false);
            setEmailEnabled(event.target.checked);
          }}
        />{" "}
        Also send reminders and contact news by email
      </label>
      <fieldset aria-describedby={leadError ? "lead-error" : undefined}>
        <legend>Remind me before each interview</legend>
        {choices.map((item) => (
          <label key={item.minutes} className="check">
            <input type="checkbox" checked={leads.has(item.minutes)} onChange={() => toggle(item.minutes)} /> {item.label}
          </label>
        ))}
        {leadError ? (
          <small id="lead-error" className="field-error" role="alert">
            {leadError}
          </small>
        ) : null}
      </fieldset>
      <FormError message={formError(result.error)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={result.fetching}>
          Save settings
        </button>
        <span role="status">{saved ? "Saved." : ""}</span>
      </div>
    </form>
  );
}
