// The counts: total, in progress, and one bar per status.
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { BarList } from "@/components/BarList";
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
      <BarList
        bars={counts.byStatus.map((item) => ({
          key: item.status,
          label: statusLabel(item.status),
          count: item.count,
          tone: `badge--${item.status.toLowerCase()}`,
        }))}
        testId="count"
      />
    </section>
  );
}
