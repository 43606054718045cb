// Create or edit an application; the graph's BAD_USER_INPUT errors show next to their field.
import { useState, type FormEvent } from "react";
import type { CombinedError } from "urql";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import type { ApplicationSource, ApplicationStatus, EmploymentType, SalaryPeriod, WorkMode } from "@/gql/graphql";
import { FormError, SelectField, TextArea, TextField } from "@/components/Field";
import { STATUSES, statusLabel } from "@/components/StatusBadge";
import { isoToLocalInput, localInputToIso } from "@/lib/dates";
import { fieldErrors, formError } from "@/lib/errors";
import { EMPLOYMENT_TYPES, PRIORITIES, SOURCES, WORK_MODES, enumLabel, parseTags, priorityLabel } from "../lib/attributes";

export const ApplicationFormValuesFragment = graphql(`
  fragment ApplicationFormValues on Application {
    company
    position
    location
    jobUrl
    description
    notes
    salary {
      min
      max
      currency
      period
    }
    source
    sourceDetail
    priority
    workMode
    employmentType
    deadline
    tags
  }
`);

export type ApplicationValues = {
  company: string;
  position: string;
  location: string | null;
  jobUrl: string | null;
  description: string | null;
  notes: string | null;
  salary: { min: number | null; max: number | null; currency: string; period: SalaryPeriod } | null;
  status: ApplicationStatus;
  source: ApplicationSource | null;
  sourceDetail: string | null;
  priority: number | null;
  workMode: WorkMode | null;
  employmentType: EmploymentType | null;
  deadline: string | null;
  tags: string[];
};

const PERIODS: SalaryPeriod[] = ["YEAR", "MONTH", "DAY", "HOUR"];
const blank = (value: string) => (value.trim() === "" ? null : value.trim());
const amount = (value: string) => (value.trim() === "" ? null : Number(value));
const orNull = <T extends string>(value: string) => (value === "" ? null : (value as T));
const none = { value: "", label: "—" };

export function ApplicationForm(props: {
  initial?: FragmentType<typeof ApplicationFormValuesFragment>;
  withStatus?: boolean;
  submitLabel: string;
  busy: boolean;
  error?: CombinedError;
  onSubmit: (values: ApplicationValues) => void;
}) {
  const initial = getFragmentData(ApplicationFormValuesFragment, props.initial);
  const [form, setForm] = useState({
    company: initial?.company ?? "",
    position: initial?.position ?? "",
    location: initial?.location ?? "",
    jobUrl: initial?.jobUrl ?? "",
    description: initial?.description ?? "",
    notes: initial?.notes ?? "",
    min: initial?.salary?.min?.toString() ?? "",
    max: initial?.salary?.max?.toString() ?? "",
    currency: initial?.salary?.currency ?? "EUR",
    period: (initial?.salary?.period ?? "YEAR") as SalaryPeriod,
    status: "SAVED" as ApplicationStatus,
    source: initial?.source ?? "",
    sourceDetail: initial?.sourceDetail ?? "",
    priority: initial?.priority?.toString() ?? "",
    workMode: initial?.workMode ?? "",
    employmentType: initial?.employmentType ?? "",
    // A deadline is a day to people: the date input shows its local day, and saving means the end of that day.
    deadline: initial?.deadline ? isoToLocalInput(initial.deadline).slice(0, 10) : "",
    tags: initial?.tags.join(", ") ?? "",
  });
  const errors = fieldErrors(props.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const hasSalary = form.min.trim() !== "" || form.max.trim() !== "";
    props.onSubmit({
      company: form.company.trim(),
      position: form.position.trim(),
      location: blank(form.location),
      jobUrl: blank(form.jobUrl),
      description: blank(form.description),
      notes: blank(form.notes),
      salary: hasSalary ? { min: amount(form.min), max: amount(form.max), currency: form.currency.trim(), period: form.period } : null,
      status: form.status,
      source: orNull<ApplicationSource>(form.source),
      sourceDetail: blank(form.sourceDetail),
      priority: form.priority === "" ? null : Number(form.priority),
      workMode: orNull<WorkMode>(form.workMode),
      employmentType: orNull<EmploymentType>(form.employmentType),
      deadline: form.deadline === "" ? null : localInputToIso(`${form.deadline}T23:59`),
      tags: parseTags(form.tags),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-row">
        <TextField label="Company" name="company" value={form.company} onChange={set("company")} error={errors.company} required />
        <TextField label="Position" name="position" value={form.position} onChange={set("position")} error={errors.position} required />
      </div>
      <div className="form-row">
        <TextField label="Location" name="location" value={form.location} onChange={set("location")} error={errors.location} />
        <TextField label="Job link" name="jobUrl" type="url" value={form.jobUrl} onChange={set("jobUrl")} error={errors.jobUrl} placeholder="https://" />
      </div>
      <fieldset className="form-row">
        <legend>Salary</legend>
        <TextField label="Minimum" name="min" inputMode="numeric" value={form.min} onChange={set("min")} error={errors.min} />
        <TextField label="Maximum" name="max" inputMode="numeric" value={form.max} onChange={set("max")} error={errors.max ?? errors.salary} />
        <TextField label="Currency" name="currency" value={form.currency} onChange={set("currency")} error={errors.currency} maxLength={3} />
        <SelectField
          label="Per"
          name="period"
          value={form.period}
          onChange={set("period")}
          error={errors.period}
          options={PERIODS.map((value) => ({ value, label: value.toLowerCase() }))}
        />
      </fieldset>
      <div className="form-row">
        <SelectField
          label="Source"
          name="source"
          value={form.source}
          onChange={set("source")}
          error={errors.source}
          options={[none, ...SOURCES.map((value) => ({ value, label: enumLabel(value) }))]}
        />
        <TextField label="Source detail" name="sourceDetail" value={form.sourceDetail} onChange={set("sourceDetail")} error={errors.sourceDetail} placeholder="who referred, which board" />
      </div>
      <div className="form-row">
        <SelectField
          label="Priority"
          name="priority"
          value={form.priority}
          onChange={set("priority")}
          error={errors.priority}
          options={[none, ...PRIORITIES.map((value) => ({ value: String(value), label: priorityLabel(value) }))]}
        />
        <SelectField
          label="Work mode"
          name="workMode"
          value={form.workMode}
          onChange={set("workMode")}
          error={errors.workMode}
          options={[none, ...WORK_MODES.map((value) => ({ value, label: enumLabel(value) }))]}
        />
        <SelectField
          label="Employment"
          name="employmentType"
          value={form.employmentType}
          onChange={set("employmentType")}
          error={errors.employmentType}
          options={[none, ...EMPLOYMENT_TYPES.map((value) => ({ value, label: enumLabel(value) }))]}
        />
      </div>
      <div className="form-row">
        <TextField label="Deadline" name="deadline" type="date" value={form.deadline} onChange={set("deadline")} error={errors.deadline} />
        <TextField label="Tags" name="tags" value={form.tags} onChange={set("tags")} error={errors.tags} hint="Separated by commas" />
      </div>
      {props.withStatus ? (
        <SelectField
          label="Status"
          name="status"
          value={form.status}
          onChange={set("status")}
          error={errors.status}
          options={STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
        />
      ) : null}
      <TextArea label="Description" name="description" rows={5} value={form.description} onChange={set("description")} error={errors.description} />
      <TextArea label="Notes" name="notes" rows={3} value={form.notes} onChange={set("notes")} error={errors.notes} />
      <FormError message={formError(props.error)} />
      <button className="primary" type="submit" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}
