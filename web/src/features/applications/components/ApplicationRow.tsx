// A row of the applications table.
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
  }
`);

export function ApplicationRow(props: { application: FragmentType<typeof ApplicationRowFragment> }) {
  const application = getFragmentData(ApplicationRowFragment, props.application);
  return (
    <tr>
      <td>
        <Link to={`/applications/${application.id}`}>{application.position}</Link>
      </td>
      <td>{application.company}</td>
      <td>{application.location ?? "—"}</td>
      <td>
        <StatusBadge status={application.status} />
      </td>
      <td>{application.appliedAt ? formatDate(application.appliedAt) : "—"}</td>
      <td>{formatDate(application.updatedAt)}</td>
    </tr>
  );
}
