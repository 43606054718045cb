// One data export: its status, when it was asked for, and the download link once READY; a PENDING one is
// asked for again every few seconds until it is READY or FAILED.
import { useEffect } from "react";
import { useQuery } from "urql";
import { graphql, getFragmentData, type FragmentType } from "@/gql";
import { formatDateTime } from "@/lib/dates";
import { MyDataExportQuery } from "../api/account";

export const DataExportRowFragment = graphql(`
  fragment DataExportRow on DataExport {
    id
    status
    createdAt
    finishedAt
    size
    missingParts
    downloadUrl
  }
`);

export const POLL_MS = 2_000;

function Pending({ id }: { id: string }) {
  const [, refetch] = useQuery({ query: MyDataExportQuery, variables: { id }, requestPolicy: "network-only" });
  useEffect(() => {
    const timer = window.setInterval(() => refetch({ requestPolicy: "network-only" }), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);
  return null;
}

const kilobytes = (size: number) => `${Math.max(1, Math.round(size / 1024)).toLocaleString()} KB`;

export function DataExportRow(props: { dataExport: FragmentType<typeof DataExportRowFragment> }) {
  const item = getFragmentData(DataExportRowFragment, props.dataExport);
  return (
    <li className="row" data-testid={`data-export-${item.id}`}>
      <span>Asked for {formatDateTime(item.createdAt)}</span>
      <span className="row-meta">
        <span className={`tag data-export--${item.status.toLowerCase()}`}>{item.status}</span>
        {item.status === "READY" && item.downloadUrl ? (
          <a href={item.downloadUrl} download>
            Download archive{item.size != null ? ` (${kilobytes(item.size)})` : ""}
          </a>
        ) : null}
        {item.status === "FAILED" ? <span className="muted">Missing: {item.missingParts.join(", ") || "unknown"}</span> : null}
      </span>
      {item.status === "PENDING" ? <Pending id={item.id} /> : null}
    </li>
  );
}
