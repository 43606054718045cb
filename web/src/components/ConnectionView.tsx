// A list from the graph (a cursor connection) with its states: error, loading, empty, then the items and a pager.
import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { Pager, type PageInfoLike, type usePages } from "./Pager";
import { Empty, ErrorNote, Loading } from "./States";

type Connection = { totalCount: number; pageInfo: PageInfoLike };

export function ConnectionView<C extends Connection>(props: {
  connection: C | undefined;
  fetching: boolean;
  error?: CombinedError;
  empty: ReactNode;
  label: string;
  pages?: ReturnType<typeof usePages>;
  children: (connection: C) => ReactNode;
}) {
  const { connection, fetching, error, pages } = props;
  if (error && !connection) return <ErrorNote error={error} />;
  if (!connection) return fetching ? <Loading /> : null;
  if (connection.totalCount === 0) return <Empty>{props.empty}</Empty>;
  return (
    <>
      {props.children(connection)}
      {pages ? <Pager pageInfo={connection.pageInfo} pages={pages} total={connection.totalCount} label={props.label} /> : null}
    </>
  );
}
