// A row of the applications table, with its checkbox for bulk changes.
import { Link } from "react-router";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { StatusBadge } from "@/components/StatusBadge";
import { formatDate } from "@/lib/dates";

export const ApplicationRowFragment = graphql(`
  fragment ApplicationRow on Application {
    id
    company
    position
    location
    status
    appliedAt
    updatedAt
    priority
    deadline
  }
`);

export function ApplicationRow(props: {
  application: FragmentType<typeof ApplicationRowFragment>;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
}) {
  const application = getFragmentData(ApplicationRowFragment, props.application);
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          checked={props.selected}
          onChange={(event) => props.onSelect(application.id, event.target.checked)}
          aria-label={`Select ${application.position} at ${application.company}`}
        />
      </td>
      <td>
        <Link to={`/applications/${application.id}`}>{application.position}</Link>
      </td>
      <td>{application.company}</td>
      <td>{application.location ?? "—"}</td>
      <td>
        <StatusBadge status={application.status} />
      </td>
      <td>{application.appliedAt ? formatDate(application.appliedAt) : "—"}</td>
      <td>{application.priority ?? "—"}</td>
      <td>{application.deadline ? formatDate(application.deadline) : "—"}</td>
      <td>{formatDate(application.updatedAt)}</td>
    </tr>
  );
}
