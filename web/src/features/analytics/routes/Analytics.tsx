// /analytics — the job search in numbers: per month, where applications stand, roles, places and the funnel.
import { Link } from "react-router";
import { useQuery } from "urql";
import { BarList } from "@/components/BarList";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { statusLabel } from "@/components/StatusBadge";
import { AnalyticsQuery } from "../api/analytics";
import { MonthChart } from "../components/MonthChart";

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const percent = (rate: number | null | undefined) => (rate == null ? "" : `${Math.round(rate * 100)}%`);

export default function Analytics() {
  const [{ data, fetching, error }] = useQuery({ query: AnalyticsQuery, variables: { timeZone } });
  if (error && !data) return <ErrorNote error={error} />;
  if (!data?.me) return fetching ? <Loading /> : null;
  const numbers = data.me.analytics;
  if (!numbers) return <Empty>The numbers cannot be read right now.</Empty>;
  if (!numbers.total)
    return (
      <div className="page">
        <h1>Analytics</h1>
        <Empty>
          No applications yet. <Link to="/applications/new">Add one</Link> and the charts fill in.
        </Empty>
      </div>
    );
  return (
    <div className="page" data-testid="analytics">
      <h1>Analytics</h1>
      <div className="stats">
        <p>
          <strong data-testid="analytics-total">{numbers.total}</strong> applications
        </p>
        <p>
          <strong>{numbers.responseRate == null ? "—" : percent(numbers.responseRate)}</strong> answered
        </p>
        <p>
          <strong>{numbers.medianDaysToResponse == null ? "—" : Math.round(numbers.medianDaysToResponse)}</strong> days to an answer (median)
        </p>
      </div>
      <section className="card" aria-labelledby="per-month-title">
        <h2 id="per-month-title">Per month</h2>
        <MonthChart months={numbers.perMonth} />
      </section>
      <div className="grid">
        <section className="card" aria-labelledby="status-mix-title">
          <h2 id="status-mix-title">Status mix</h2>
          <BarList
            testId="status-mix"
            bars={numbers.byStatus.map((item) => ({
              key: item.status,
              label: statusLabel(item.status),
              count: item.count,
              tone: `badge--${item.status.toLowerCase()}`,
            }))}
          />
        </section>
        <section className="card" aria-labelledby="funnel-title">
          <h2 id="funnel-title">Funnel</h2>
          <BarList
            testId="funnel"
            bars={numbers.funnel.map((item) => ({
              key: item.status,
              label: statusLabel(item.status),
              count: item.count,
              tone: `badge--${item.status.toLowerCase()}`,
              note: percent(item.rate),
            }))}
          />
        </section>
        <section className="card" aria-labelledby="positions-title">
          <h2 id="positions-title">Positions</h2>
          <BarList
            testId="positions"
            bars={numbers.byPosition.filter((item) => item.count > 0).map((item) => ({ key: item.category, label: item.category, count: item.count }))}
          />
        </section>
        <section className="card" aria-labelledby="locations-title">
          <h2 id="locations-title">Locations</h2>
          <BarList
            testId="locations"
            bars={numbers.byLocation.slice(0, 8).map((item) => ({ key: item.category, label: item.category, count: item.count }))}
          />
        </section>
      </div>
    </div>
  );
}
