// /people — search people by name.
import { useState } from "react";
import { useQuery } from "urql";
import { ConnectionView } from "@/components/ConnectionView";
import { usePages } from "@/components/Pager";
import { SearchField } from "@/components/SearchField";
import { Empty } from "@/components/States";
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
  return (
    <div className="page">
      <h1>People</h1>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <SearchField
          label="Search people by name"
          value={search}
          onChange={(value) => {
            pages.reset();
            setSearch(value);
          }}
        />
      </form>
      {term === "" ? (
        <Empty>Type a name to find people.</Empty>
      ) : (
        <ConnectionView connection={data?.users} fetching={fetching} error={error} label="people" pages={pages} empty="Nobody is called that.">
          {(connection) => (
            <ul className="rows card">
              {connection.edges.map((edge) => (
                <PersonLine key={edge.node.id} person={edge.node} />
              ))}
            </ul>
          )}
        </ConnectionView>
      )}
    </div>
  );
}
