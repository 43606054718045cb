// /interviews/calendar — a month grid; each day lists its interviews (type filter applies).
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { getFragmentData } from "@/gql";
import { ErrorNote, Loading } from "@/components/States";
import { formatDateTime, monthGrid, sameDay } from "@/lib/dates";
import { InterviewsQuery } from "../api/interviews";
import { InterviewFilters, type InterviewFilterState } from "../components/InterviewFilters";
import { InterviewItemFragment } from "../components/InterviewItem";
import { InterviewsViews } from "../components/InterviewsViews";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export default function Calendar() {
  const [month, setMonth] = useState(() => new Date(new Date().getFullYear(), new Date().getMonth(), 1));
  const [filters, setFilters] = useState<InterviewFilterState>({ from: "", to: "", types: [], includeCancelled: false });
  const weeks = monthGrid(month);
  const start = weeks[0][0];
  const end = new Date(weeks[weeks.length - 1][6]);
  end.setDate(end.getDate() + 1);
  const [{ data, fetching, error }] = useQuery({
    query: InterviewsQuery,
    variables: {
      first: 100,
      filter: {
        from: start.toISOString(),
        to: end.toISOString(),
        types: filters.types.length ? filters.types : null,
        includeCancelled: filters.includeCancelled,
      },
    },
  });
  const interviews = (data?.interviews.edges ?? []).map((edge) => getFragmentData(InterviewItemFragment, edge.node));
  const shift = (months: number) => setMonth(new Date(month.getFullYear(), month.getMonth() + months, 1));
  const title = month.toLocaleDateString(undefined, { month: "long", year: "numeric" });
  const today = new Date();
  return (
    <div className="page page--wide">
      <header className="page-head">
        <h1>Interviews</h1>
        <InterviewsViews />
      </header>
      <InterviewFilters value={filters} onChange={setFilters} dates={false} />
      <div className="calendar-head">
        <button type="button" onClick={() => shift(-1)} aria-label="Previous month">
          ‹
        </button>
        <h2 aria-live="polite">{title}</h2>
        <button type="button" onClick={() => shift(1)} aria-label="Next month">
          ›
        </button>
        {fetching ? <Loading label="" /> : null}
      </div>
      {error && !data ? <ErrorNote error={error} /> : null}
      <table className="calendar">
        <caption className="visually-hidden">Interviews in {title}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((day) => (
              <th key={day} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0].toISOString()}>
              {week.map((day) => {
                const todays = interviews.filter((interview) => sameDay(new Date(interview.startsAt), day));
                const classes = ["calendar-day", day.getMonth() !== month.getMonth() ? "calendar-day--outside" : "", sameDay(day, today) ? "calendar-day--today" : ""];
                return (
                  <td key={day.toISOString()} className={classes.join(" ")}>
                    <span className="calendar-date">{day.getDate()}</span>
                    <ul>
                      {todays.map((interview) => (
                        <li key={interview.id} className={`tag tag--${interview.type.toLowerCase()}${interview.cancelled ? " interview--cancelled" : ""}`}>
                          <Link
                            to={interview.application ? `/applications/${interview.application.id}` : "/interviews"}
                            title={`${formatDateTime(interview.startsAt)}: ${interview.application?.position ?? "interview"} at ${interview.application?.company ?? ""}`}
                          >
                            {new Date(interview.startsAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}{" "}
                            <span className="calendar-company">{interview.application?.company ?? ""}</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
