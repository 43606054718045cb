// /interviews — the agenda: soonest first, filtered by dates and type, paginated.
import { useState } from "react";
import { useQuery } from "urql";
import { Pager, usePages } from "@/components/Pager";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { dayStartIso } from "@/lib/dates";
import { InterviewsQuery } from "../api/interviews";
import { InterviewFilters, type InterviewFilterState } from "../components/InterviewFilters";
import { InterviewItem } from "../components/InterviewItem";
import { InterviewsSwitch } from "../components/InterviewsSwitch";

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + 1);
  return dayStartIso(`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`);
}

export default function Agenda() {
  const [filters, setFilters] = useState<InterviewFilterState>({ from: "", to: "", types: [], includeCancelled: false });
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({
    query: InterviewsQuery,
    variables: {
      first: 20,
      after: pages.after,
      filter: {
        from: filters.from ? dayStartIso(filters.from) : null,
        to: filters.to ? nextDay(filters.to) : null,
        types: filters.types.length ? filters.types : null,
        includeCancelled: filters.includeCancelled,
      },
    },
  });
  const connection = data?.interviews;
  return (
    <div className="page">
      <header className="page-head">
        <h1>Interviews</h1>
        <InterviewsSwitch />
      </header>
      <InterviewFilters
        value={filters}
        onChange={(next) => {
          pages.reset();
          setFilters(next);
        }}
      />
      {error && !data ? <ErrorNote error={error} /> : null}
      {!connection ? (
        fetching ? <Loading /> : null
      ) : connection.totalCount === 0 ? (
        <Empty>No interviews. Schedule one from an application's page.</Empty>
      ) : (
        <>
          <ul className="rows card">
            {connection.edges.map((edge) => (
              <InterviewItem key={edge.node.id} interview={edge.node} />
            ))}
          </ul>
          <Pager pageInfo={connection.pageInfo} pages={pages} total={connection.totalCount} label="interviews" />
        </>
      )}
    </div>
  );
}
