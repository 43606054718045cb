// The counts: total, in progress, and one bar per status.
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { statusLabel } from "@/components/StatusBadge";

export const CountsCardFragment = graphql(`
  fragment CountsCard on ApplicationCounts {
    total
    inProgress
    byStatus {
      status
      count
    }
  }
`);

export function CountsCard(props: { counts: FragmentType<typeof CountsCardFragment> }) {
  const counts = getFragmentData(CountsCardFragment, props.counts);
  const max = Math.max(1, ...counts.byStatus.map((item) => item.count));
  return (
    <section className="card" aria-labelledby="counts-title">
      <h2 id="counts-title">Applications</h2>
      <div className="stats">
        <p>
          <strong data-testid="total-count">{counts.total}</strong> total
        </p>
        <p>
          <strong data-testid="in-progress-count">{counts.inProgress}</strong> in progress
        </p>
      </div>
      <ul className="bars">
        {counts.byStatus.map((item) => (
          <li key={item.status}>
            <span className="bars-label">{statusLabel(item.status)}</span>
            <span className="bars-track" aria-hidden="true">
              <span className={`bars-fill badge--${item.status.toLowerCase()}`} style={{ width: `${(item.count / max) * 100}%` }} />
            </span>
            <span className="bars-count" data-testid={`count-${item.status}`}>
              {item.count}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
