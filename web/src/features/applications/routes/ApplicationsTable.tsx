// /applications/table — every filter the graph offers (statuses, text search), newest first, paginated.
import { useState } from "react";
import { useQuery } from "urql";
import { ConnectionView } from "@/components/ConnectionView";
import { usePages } from "@/components/Pager";
import { SearchField } from "@/components/SearchField";
import { STATUSES, statusLabel } from "@/components/StatusBadge";
import type { ApplicationStatus } from "@/gql/graphql";
import { ApplicationsQuery } from "../api/applications";
import { ApplicationRow } from "../components/ApplicationRow";
import { ApplicationsHeader } from "../components/ApplicationsHeader";

const PAGE_SIZE = 20;

export default function ApplicationsTable() {
  const [search, setSearch] = useState("");
  const [statuses, setStatuses] = useState<ApplicationStatus[]>([]);
  const pages = usePages();
  const filter = { search: search.trim() || null, status: statuses.length ? statuses : null };
  const [{ data, fetching, error }] = useQuery({
    query: ApplicationsQuery,
    variables: { filter, first: PAGE_SIZE, after: pages.after },
  });
  const toggle = (status: ApplicationStatus) => {
    pages.reset();
    setStatuses((current) => (current.includes(status) ? current.filter((item) => item !== status) : [...current, status]));
  };
  return (
    <div className="page page--wide">
      <ApplicationsHeader />
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <SearchField
          label="Search company or position"
          value={search}
          onChange={(value) => {
            pages.reset();
            setSearch(value);
          }}
        />
        <fieldset className="chips">
          <legend>Status</legend>
          {STATUSES.map((status) => (
            <label key={status} className="chip">
              <input type="checkbox" checked={statuses.includes(status)} onChange={() => toggle(status)} /> {statusLabel(status)}
            </label>
          ))}
        </fieldset>
      </form>
      <ConnectionView connection={data?.applications} fetching={fetching} error={error} label="applications" pages={pages} empty="No applications match.">
        {(connection) => (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Applications, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Position</th>
                  <th scope="col">Company</th>
                  <th scope="col">Location</th>
                  <th scope="col">Status</th>
                  <th scope="col">Applied</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map((edge) => (
                  <ApplicationRow key={edge.cursor} application={edge.node} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ConnectionView>
    </div>
  );
}
