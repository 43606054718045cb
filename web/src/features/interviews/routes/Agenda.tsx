// /interviews — the agenda: soonest first, filtered by dates and type, paginated.
import { useState } from "react";
import { useQuery } from "urql";
import { ConnectionView } from "@/components/ConnectionView";
import { usePages } from "@/components/Pager";
import { dayStartIso } from "@/lib/dates";
import { InterviewsQuery } from "../api/interviews";
import { InterviewFilters, type InterviewFilterState } from "../components/InterviewFilters";
import { InterviewItem } from "../components/InterviewItem";
import { InterviewsViews } from "../components/InterviewsViews";

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
  return (
    <div className="page">
      <header className="page-head">
        <h1>Interviews</h1>
        <InterviewsViews />
      </header>
      <InterviewFilters
        value={filters}
        onChange={(next) => {
          pages.reset();
          setFilters(next);
        }}
      />
      <ConnectionView
        connection={data?.interviews}
        fetching={fetching}
        error={error}
        label="interviews"
        pages={pages}
        empty="No interviews. Schedule one from an application's page."
      >
        {(connection) => (
          <ul className="rows card">
            {connection.edges.map((edge) => (
              <InterviewItem key={edge.node.id} interview={edge.node} />
            ))}
          </ul>
        )}
      </ConnectionView>
    </div>
  );
}
