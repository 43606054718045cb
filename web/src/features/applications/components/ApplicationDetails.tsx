// An application's details: company, salary, job link, where it was found, priority, work mode, deadline, tags,
// description, notes.
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { StatusBadge } from "@/components/StatusBadge";
import { formatDate } from "@/lib/dates";
import { enumLabel, priorityLabel } from "../lib/attributes";
import { Tags } from "./Tags";

export const ApplicationDetailsFragment = graphql(`
  fragment ApplicationDetails on Application {
    id
    company
    position
    location
    status
    jobUrl
    description
    notes
    appliedAt
    createdAt
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

export function formatSalary(salary: { min?: number | null; max?: number | null; currency: string; period: string }): string {
  const money = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 0 });
  const range =
    salary.min != null && salary.max != null
      ? `${money(salary.min)}–${money(salary.max)}`
      : salary.min != null
        ? `from ${money(salary.min)}`
        : `up to ${money(salary.max ?? 0)}`;
  return `${range} ${salary.currency} per ${salary.period.toLowerCase()}`;
}

export function ApplicationDetails(props: { application: FragmentType<typeof ApplicationDetailsFragment> }) {
  const application = getFragmentData(ApplicationDetailsFragment, props.application);
  return (
    <section className="card" aria-labelledby="details-title">
      <h1 id="details-title">
        {application.position} <span className="muted">at {application.company}</span>
      </h1>
      <dl className="details">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={application.status} />
        </dd>
        <dt>Location</dt>
        <dd>{application.location ?? "—"}</dd>
        <dt>Salary</dt>
        <dd>{application.salary ? formatSalary(application.salary) : "—"}</dd>
        <dt>Job link</dt>
        <dd>
          {application.jobUrl ? (
            <a href={application.jobUrl} target="_blank" rel="noreferrer noopener">
              {application.jobUrl}
            </a>
          ) : (
            "—"
          )}
        </dd>
        <dt>Source</dt>
        <dd>
          {application.source ? enumLabel(application.source) : "—"}
          {application.sourceDetail ? ` (${application.sourceDetail})` : ""}
        </dd>
        <dt>Priority</dt>
        <dd>{application.priority != null ? priorityLabel(application.priority) : "—"}</dd>
        <dt>Work mode</dt>
        <dd>{application.workMode ? enumLabel(application.workMode) : "—"}</dd>
        <dt>Employment</dt>
        <dd>{application.employmentType ? enumLabel(application.employmentType) : "—"}</dd>
        <dt>Deadline</dt>
        <dd>{application.deadline ? formatDate(application.deadline) : "—"}</dd>
        <dt>Tags</dt>
        <dd>{application.tags.length ? <Tags tags={application.tags} /> : "—"}</dd>
        <dt>Applied</dt>
        <dd>{application.appliedAt ? formatDate(application.appliedAt) : "not yet"}</dd>
        <dt>Tracked since</dt>
        <dd>{formatDate(application.createdAt)}</dd>
      </dl>
      {application.description ? (
        <>
          <h2>Description</h2>
          <p className="prose">{application.description}</p>
        </>
      ) : null}
      {application.notes ? (
        <>
          <h2>Notes</h2>
          <p className="prose">{application.notes}</p>
        </>
      ) : null}
    </section>
  );
}
