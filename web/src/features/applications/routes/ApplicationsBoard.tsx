// /applications — the board by status (up to 100 applications per page of the graph, more on demand).
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { ApplicationsQuery } from "../api/applications";
import { readCard } from "../components/ApplicationCard";
import { Board } from "../components/Board";
import { ViewSwitch } from "../components/ViewSwitch";

export default function ApplicationsBoard() {
  const [first, setFirst] = useState(100);
  const [{ data, fetching, error }] = useQuery({ query: ApplicationsQuery, variables: { first } });
  const connection = data?.applications;
  return (
    <div className="page page--wide">
      <header className="page-head">
        <h1>Applications</h1>
        <ViewSwitch />
        <Link className="button primary" to="/applications/new">
          Add application
        </Link>
      </header>
      {error && !data ? <ErrorNote error={error} /> : null}
      {!connection ? (
        fetching ? <Loading /> : null
      ) : connection.totalCount === 0 ? (
        <Empty>
          No applications yet. <Link to="/applications/new">Add your first one</Link>.
        </Empty>
      ) : (
        <>
          <Board cards={connection.edges.map((edge) => readCard(edge.node))} />
          {connection.pageInfo.hasNextPage ? (
            <button type="button" onClick={() => setFirst((count) => count + 100)}>
              Show more ({connection.edges.length} of {connection.totalCount})
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
