// One interview: when, how, where, for which application; cancel while it is on.
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { formatDateTime } from "@/lib/dates";
import { CancelInterviewMutation } from "../api/interviews";

export const InterviewItemFragment = graphql(`
  fragment InterviewItem on Interview {
    id
    startsAt
    durationMinutes
    type
    location
    meetingUrl
    details
    cancelled
    application {
      id
      company
      position
    }
  }
`);

export function InterviewItem(props: { interview: FragmentType<typeof InterviewItemFragment>; showApplication?: boolean }) {
  const interview = getFragmentData(InterviewItemFragment, props.interview);
  const [result, cancel] = useMutation(CancelInterviewMutation);
  return (
    <li className={interview.cancelled ? "row interview interview--cancelled" : "row interview"}>
      <div>
        <strong>
          <time dateTime={interview.startsAt}>{formatDateTime(interview.startsAt)}</time>
        </strong>{" "}
        · {interview.durationMinutes} min · <span className={`tag tag--${interview.type.toLowerCase()}`}>{interview.type.toLowerCase()}</span>
        {interview.cancelled ? <span className="tag">cancelled</span> : null}
        {props.showApplication !== false && interview.application ? (
          <div>
            <Link to={`/applications/${interview.application.id}`}>
              {interview.application.position} · {interview.application.company}
            </Link>
          </div>
        ) : null}
        {interview.location ? <div className="muted">{interview.location}</div> : null}
        {interview.meetingUrl ? (
          <div>
            <a href={interview.meetingUrl} target="_blank" rel="noreferrer noopener">
              Meeting link
            </a>
          </div>
        ) : null}
        {interview.details ? <p className="muted">{interview.details}</p> : null}
      </div>
      {!interview.cancelled ? (
        <button type="button" className="small" disabled={result.fetching} onClick={() => cancel({ id: interview.id })}>
          Cancel interview
        </button>
      ) : null}
    </li>
  );
}
