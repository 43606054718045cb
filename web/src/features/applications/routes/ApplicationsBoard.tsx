// /applications — the board by status (up to 100 applications per page of the graph, more on demand).
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { ConnectionView } from "@/components/ConnectionView";
import { ApplicationsQuery } from "../api/applications";
import { readCard } from "../components/ApplicationCard";
import { ApplicationsHeader } from "../components/ApplicationsHeader";
import { Board } from "../components/Board";

export default function ApplicationsBoard() {
  const [first, setFirst] = useState(100);
  const [{ data, fetching, error }] = useQuery({ query: ApplicationsQuery, variables: { first } });
  return (
    <div className="page page--wide">
      <ApplicationsHeader />
      <ConnectionView
        connection={data?.applications}
        fetching={fetching}
        error={error}
        label="applications"
        empty={
          <>
            No applications yet. <Link to="/applications/new">Add your first one</Link>.
          </>
        }
      >
        {(connection) => (
          <>
            <Board cards={connection.edges.map((edge) => readCard(edge.node))} />
            {connection.pageInfo.hasNextPage ? (
              <button type="button" onClick={() => setFirst((count) => count + 100)}>
                Show more ({connection.edges.length} of {connection.totalCount})
              </button>
            ) : null}
          </>
        )}
      </ConnectionView>
    </div>
  );
}
