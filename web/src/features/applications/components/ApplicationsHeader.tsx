// The head of the applications' views (board or table) and the import: the switch between them, "Import" and
// "Add application".
import { Link } from "react-router";
import { ViewSwitch } from "@/components/ViewSwitch";

const VIEWS = [
  { to: "/applications", label: "Board" },
  { to: "/applications/table", label: "Table" },
] as const;

export function ApplicationsHeader() {
  return (
    <header className="page-head">
      <h1>Applications</h1>
      <ViewSwitch label="Applications view" views={VIEWS} />
      <div className="page-head-actions">
        <Link className="button" to="/applications/import">
          Import
        </Link>
        <Link className="button primary" to="/applications/new">
          Add application
        </Link>
      </div>
    </header>
  );
}
