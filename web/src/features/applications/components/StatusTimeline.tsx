// The status history, oldest first, with the note given at each move.
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { StatusBadge } from "@/components/StatusBadge";
import { formatDateTime } from "@/lib/dates";

export const StatusTimelineFragment = graphql(`
  fragment StatusTimeline on Application {
    statusHistory {
      status
      note
      changedAt
    }
  }
`);

export function StatusTimeline(props: { application: FragmentType<typeof StatusTimelineFragment> }) {
  const { statusHistory } = getFragmentData(StatusTimelineFragment, props.application);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="timeline">
        {statusHistory.map((change) => (
          <li key={change.changedAt + change.status}>
            <StatusBadge status={change.status} /> <time dateTime={change.changedAt}>{formatDateTime(change.changedAt)}</time>
            {change.note ? <p>{change.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
