// The head of both views of the applications (board or table): the switch between them and "Add application".
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
      <Link className="button primary" to="/applications/new">
        Add application
      </Link>
    </header>
  );
}
