// / — counts, what is in progress, upcoming interviews and recent applications at a glance.
import { Link } from "react-router";
import { useQuery } from "urql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { DashboardQuery } from "../api/dashboard";
import { CountsCard } from "../components/CountsCard";
import { RecentApplication } from "../components/RecentApplication";
import { UpcomingInterview } from "../components/UpcomingInterview";

export default function Dashboard() {
  const [{ data, fetching, error }] = useQuery({ query: DashboardQuery });
  if (error && !data) return <ErrorNote error={error} />;
  if (!data?.me) return fetching ? <Loading /> : null;
  const me = data.me;
  // Lists that other subgraphs add to User can be null when that subgraph cannot answer: shown as empty.
  const upcoming = me.upcomingInterviews ?? [];
  const recent = me.recentApplications ?? [];
  return (
    <div className="page" data-testid="dashboard">
      <div className="page-head">
        <h1>Hello, {me.name}</h1>
        <Link to="/analytics">See your numbers</Link>
      </div>
      <div className="grid">
        {me.applicationCounts ? <CountsCard counts={me.applicationCounts} /> : null}
        <section className="card" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">Upcoming interviews</h2>
          {upcoming.length ? (
            <ul className="rows">
              {upcoming.map((interview) => (
                <UpcomingInterview key={interview.id} interview={interview} />
              ))}
            </ul>
          ) : (
            <Empty>No interviews coming up.</Empty>
          )}
        </section>
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">Recent applications</h2>
          {recent.length ? (
            <ul className="rows">
              {recent.map((application) => (
                <RecentApplication key={application.id} application={application} />
              ))}
            </ul>
          ) : (
            <Empty>
              Nothing tracked yet. <Link to="/applications/new">Add your first application</Link>.
            </Empty>
          )}
        </section>
      </div>
    </div>
  );
}
