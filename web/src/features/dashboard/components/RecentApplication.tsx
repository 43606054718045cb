// One line of "recent applications".
import { Link } from "react-router";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { StatusBadge } from "@/components/StatusBadge";
import { formatDate } from "@/lib/dates";

export const RecentApplicationFragment = graphql(`
  fragment RecentApplication on Application {
    id
    company
    position
    status
    appliedAt
  }
`);

export function RecentApplication(props: { application: FragmentType<typeof RecentApplicationFragment> }) {
  const application = getFragmentData(RecentApplicationFragment, props.application);
  return (
    <li className="row">
      <Link to={`/applications/${application.id}`}>
        {application.position} · {application.company}
      </Link>
      <span className="row-meta">
        <StatusBadge status={application.status} />
        {application.appliedAt ? <span className="muted">{formatDate(application.appliedAt)}</span> : null}
      </span>
    </li>
  );
}
