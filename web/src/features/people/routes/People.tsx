// /people — search people by name.
import { useState } from "react";
import { useQuery } from "urql";
import { Pager, usePages } from "@/components/Pager";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { PeopleQuery } from "../api/people";
import { PersonLine } from "../components/PersonLine";

export default function People() {
  const [search, setSearch] = useState("");
  const pages = usePages();
  const term = search.trim();
  const [{ data, fetching, error }] = useQuery({
    query: PeopleQuery,
    variables: { search: term, first: 20, after: pages.after },
    pause: term === "",
  });
  const connection = term ? data?.users : undefined;
  return (
    <div className="page">
      <h1>People</h1>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="people-search">Search people by name</label>
          <input
            id="people-search"
            type="search"
            value={search}
            onChange={(event) => {
              pages.reset();
              setSearch(event.target.value);
            }}
          />
        </div>
      </form>
      {error && !data ? <ErrorNote error={error} /> : null}
      {term === "" ? (
        <Empty>Type a name to find people.</Empty>
      ) : !connection ? (
        fetching ? <Loading /> : null
      ) : connection.totalCount === 0 ? (
        <Empty>Nobody is called that.</Empty>
      ) : (
        <>
          <ul className="rows card">
            {connection.edges.map((edge) => (
              <PersonLine key={edge.node.id} person={edge.node} />
            ))}
          </ul>
          <Pager pageInfo={connection.pageInfo} pages={pages} total={connection.totalCount} label="people" />
        </>
      )}
    </div>
  );
}
