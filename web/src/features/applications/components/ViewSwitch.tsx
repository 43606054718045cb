// Board or table: two views of the same applications.
import { NavLink } from "react-router";

export function ViewSwitch() {
  return (
    <nav className="switch" aria-label="Applications view">
      <NavLink to="/applications" end>
        Board
      </NavLink>
      <NavLink to="/applications/table">Table</NavLink>
    </nav>
  );
}
