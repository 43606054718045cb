// /applications/table — every filter the graph offers (statuses, text search), newest first, paginated.
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { Pager, usePages } from "@/components/Pager";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { STATUSES, statusLabel } from "@/components/StatusBadge";
import type { ApplicationStatus } from "@/gql/graphql";
import { ApplicationsQuery } from "../api/applications";
import { ApplicationRow } from "../components/ApplicationRow";
import { ViewSwitch } from "../components/ViewSwitch";

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
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="application-search">Search company or position</label>
          <input
            id="application-search"
            type="search"
            value={search}
            onChange={(event) => {
              pages.reset();
              setSearch(event.target.value);
            }}
          />
        </div>
        <fieldset className="chips">
          <legend>Status</legend>
          {STATUSES.map((status) => (
            <label key={status} className="chip">
              <input type="checkbox" checked={statuses.includes(status)} onChange={() => toggle(status)} /> {statusLabel(status)}
            </label>
          ))}
        </fieldset>
      </form>
      {error && !data ? <ErrorNote error={error} /> : null}
      {!connection ? (
        fetching ? <Loading /> : null
      ) : connection.totalCount === 0 ? (
        <Empty>No applications match.</Empty>
      ) : (
        <>
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
          <Pager pageInfo={connection.pageInfo} pages={pages} total={connection.totalCount} label="applications" />
        </>
      )}
    </div>
  );
}
