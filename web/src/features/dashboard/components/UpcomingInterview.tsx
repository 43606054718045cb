// One line of "upcoming interviews".
import { Link } from "react-router";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { formatDateTime } from "@/lib/dates";

export const UpcomingInterviewFragment = graphql(`
  fragment UpcomingInterview on Interview {
    id
    startsAt
    type
    application {
      id
      company
      position
    }
  }
`);

export function UpcomingInterview(props: { interview: FragmentType<typeof UpcomingInterviewFragment> }) {
  const interview = getFragmentData(UpcomingInterviewFragment, props.interview);
  return (
    <li className="row">
      {interview.application ? (
        <Link to={`/applications/${interview.application.id}`}>
          {interview.application.position} · {interview.application.company}
        </Link>
      ) : (
        <span>An application that cannot be read right now</span>
      )}
      <span className="row-meta muted">
        {formatDateTime(interview.startsAt)} · {interview.type.toLowerCase()}
      </span>
    </li>
  );
}
