// "Your data" on the profile: export everything jobgraph holds about you, past exports, and deleting the account.
import { useMutation, useQuery } from "urql";
import { FormError } from "@/components/Field";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { getFragmentData } from "@/gql";
import { formError } from "@/lib/errors";
import { ExportMyDataMutation, MyDataExportsQuery } from "../api/account";
import { DataExportRow, DataExportRowFragment } from "./DataExportRow";
import { DeleteAccount } from "./DeleteAccount";

export function YourData() {
  const [{ data, fetching, error }] = useQuery({ query: MyDataExportsQuery });
  const [requested, request] = useMutation(ExportMyDataMutation);
  const pending = data?.myDataExports.some((item) => getFragmentData(DataExportRowFragment, item).status === "PENDING") ?? false;
  return (
    <section className="card" aria-labelledby="your-data-title">
      <h2 id="your-data-title">Your data</h2>
      <p className="muted">
        An archive of everything jobgraph holds about you: your profile, applications, interviews, contacts, notifications and files.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={requested.fetching || pending} onClick={() => request({})}>
          Export my data
        </button>
      </div>
      <FormError message={formError(requested.error)} />
      {error && !data ? <ErrorNote error={error} /> : null}
      {!data ? (
        fetching ? <Loading /> : null
      ) : data.myDataExports.length ? (
        <ul className="rows" aria-label="Your exports">
          {data.myDataExports.map((item) => (
            <DataExportRow key={item.id} dataExport={item} />
          ))}
        </ul>
      ) : (
        <Empty>No exports yet.</Empty>
      )}
      <DeleteAccount />
    </section>
  );
}
