// /applications/table — every filter and order the graph offers, kept in the query string (a view can be
// bookmarked), paginated with cursors that start again when the view changes; rows can be selected for bulk changes;
// the view can be exported to a file.
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { ConnectionView } from "@/components/ConnectionView";
import { usePages } from "@/components/Pager";
import type { ApplicationOrder } from "@/gql/graphql";
import { fieldErrors } from "@/lib/errors";
import { ApplicationsQuery } from "../api/applications";
import { ApplicationRow } from "../components/ApplicationRow";
import { ApplicationsHeader } from "../components/ApplicationsHeader";
import { BulkActions } from "../components/BulkActions";
import { ExportMenu } from "../components/ExportMenu";
import { TableFilters } from "../components/TableFilters";
import { ORDERS, readView, toFilter, writeView, type TableView } from "../lib/tableView";

const PAGE_SIZE = 20;

export default function ApplicationsTable() {
  const [params, setParams] = useSearchParams();
  const view = readView(params);
  const key = writeView(view).toString();
  const pages = usePages();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A new view (typed, picked, or reached by back and forward) starts again at its first page with nothing selected.
  const [shown, setShown] = useState(key);
  if (shown !== key) {
    setShown(key);
    pages.reset();
    setSelected(new Set());
  }
  // Typing replaces the history entry instead of adding one per keystroke.
  const change = (next: TableView, replace = false) => setParams(writeView(next), { replace });
  const [{ data, fetching, error }] = useQuery({
    query: ApplicationsQuery,
    variables: { filter: toFilter(view), first: PAGE_SIZE, after: shown === key ? pages.after : null, orderBy: view.orderBy },
  });
  const rows = data?.applications.edges.map((edge) => ({ id: edge.node.id, title: `${edge.node.position} at ${edge.node.company}` })) ?? [];
  const ids = rows.map((row) => row.id);
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const turn = (move: () => void) => {
    setSelected(new Set());
    move();
  };
  const order = ORDERS.find((item) => item.value === view.orderBy)?.label ?? "";
  return (
    <div className="page page--wide">
      <ApplicationsHeader />
      <TableFilters view={view} errors={fieldErrors(error)} onChange={change} />
      <div className="table-tools">
      <div className="field table-order">
        <label htmlFor="order-by">Order</label>
        <select id="order-by" value={view.orderBy} onChange={(event) => change({ ...view, orderBy: event.target.value as ApplicationOrder })}>
          {ORDERS.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </select>
      </div>
      <ExportMenu filter={toFilter(view)} />
      </div>
      <BulkActions selected={rows.filter((row) => selected.has(row.id))} onDone={() => setSelected(new Set())} />
      <ConnectionView
        connection={data?.applications}
        fetching={fetching}
        error={error}
        label="applications"
        pages={{ ...pages, next: (cursor) => turn(() => pages.next(cursor)), previous: () => turn(pages.previous) }}
        empty="No applications match."
      >
        {(connection) => (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Applications, {order.toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      checked={allSelected}
                      onChange={(event) => setSelected(event.target.checked ? new Set(ids) : new Set())}
                      aria-label="Select all on this page"
                    />
                  </th>
                  <th scope="col">Position</th>
                  <th scope="col">Company</th>
                  <th scope="col">Location</th>
                  <th scope="col">Status</th>
                  <th scope="col">Applied</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Deadline</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map((edge) => (
                  <ApplicationRow key={edge.cursor} application={edge.node} selected={selected.has(edge.node.id)} onSelect={select} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ConnectionView>
    </div>
  );
}
