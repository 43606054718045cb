// /analytics — the job search in numbers for a chosen range: per month and week, where applications stand, roles,
// places, the funnel and how long applications stay in each status.
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useQuery, type CombinedError } from "urql";
import { BarList } from "@/components/BarList";
import { SelectField, TextField } from "@/components/Field";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { statusLabel } from "@/components/StatusBadge";
import type { AnalyticsQuery as AnalyticsResult } from "@/gql/graphql";
import { fieldErrors } from "@/lib/errors";
import { AnalyticsQuery } from "../api/analytics";
import { ColumnChart, dayLabel, monthLabel } from "../components/ColumnChart";
import { RANGE_CHOICES, rangeArguments, type RangeChoice } from "../lib/range";

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const percent = (rate: number | null | undefined) => (rate == null ? "" : `${Math.round(rate * 100)}%`);

export default function Analytics() {
  const [choice, setChoice] = useState<RangeChoice>("ALL");
  const [picked, setPicked] = useState({ from: "", to: "" });
  const range = useMemo(() => rangeArguments(choice, picked, new Date()), [choice, picked]);
  const [{ data, fetching, error }] = useQuery({ query: AnalyticsQuery, variables: { timeZone, ...range } });
  // A reversed or too long range comes back as BAD_USER_INPUT naming `from` or `to`: shown at the date inputs.
  const errors = fieldErrors(error);
  return (
    <div className="page" data-testid="analytics">
      <h1>Analytics</h1>
      <form className="filters" aria-label="Date range" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Range" value={choice} options={RANGE_CHOICES} onChange={(event) => setChoice(event.target.value as RangeChoice)} />
        {choice === "CUSTOM" ? (
          <>
            <TextField label="From" type="date" value={picked.from} error={errors.from} onChange={(event) => setPicked({ ...picked, from: event.target.value })} />
            <TextField label="To (included)" type="date" value={picked.to} error={errors.to} onChange={(event) => setPicked({ ...picked, to: event.target.value })} />
          </>
        ) : null}
      </form>
      <Numbers data={data} fetching={fetching} error={error && !Object.keys(errors).length ? error : undefined} ranged={choice !== "ALL"} />
    </div>
  );
}

function Numbers({ data, fetching, error, ranged }: { data: AnalyticsResult | undefined; fetching: boolean; error: CombinedError | undefined; ranged: boolean }) {
  if (error && !data) return <ErrorNote error={error} />;
  if (!data?.me) return fetching ? <Loading /> : null;
  const numbers = data.me.analytics;
  if (!numbers) return <Empty>The numbers cannot be read right now.</Empty>;
  if (!numbers.total)
    return ranged ? (
      <Empty>No applications were sent in this range.</Empty>
    ) : (
      <Empty>
        No applications yet. <Link to="/applications/new">Add one</Link> and the charts fill in.
      </Empty>
    );
  const stays = numbers.averageDaysInStatus.filter((item) => item.averageDays != null);
  return (
    <>
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
        {/* The last year at most: older months make the columns too thin to read. */}
        <ColumnChart
          title="Applications per month"
          keyHeader="Month"
          testId="per-month"
          columns={numbers.perMonth.slice(-12).map((item) => ({ key: item.month, label: monthLabel(item.month), count: item.count }))}
        />
      </section>
      <section className="card" aria-labelledby="per-week-title">
        <h2 id="per-week-title">Last 12 weeks</h2>
        <ColumnChart
          title="Applications per week"
          keyHeader="Week of"
          testId="per-week"
          columns={numbers.weeklyActivity.map((item) => ({ key: item.weekStart, label: dayLabel(item.weekStart), count: item.count }))}
        />
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
        <section className="card" aria-labelledby="days-in-status-title">
          <h2 id="days-in-status-title">Days in each status</h2>
          <p className="muted">Average length of a stay, finished and ongoing ones.</p>
          {stays.length ? (
            <BarList
              testId="days-in-status"
              bars={stays.map((item) => ({
                key: item.status,
                label: statusLabel(item.status),
                count: item.averageDays ?? 0,
                value: `${(item.averageDays ?? 0).toFixed(1)} days`,
                tone: `badge--${item.status.toLowerCase()}`,
              }))}
            />
          ) : (
            <Empty>No stays yet.</Empty>
          )}
        </section>
      </div>
    </>
  );
}
