// Two or more views of the same thing (board/table, agenda/calendar) as a labelled set of links.
import { NavLink } from "react-router";

export function ViewSwitch({ label, views }: { label: string; views: readonly { to: string; label: string }[] }) {
  return (
    <nav className="switch" aria-label={label}>
      {views.map((view, index) => (
        <NavLink key={view.to} to={view.to} end={index === 0}>
          {view.label}
        </NavLink>
      ))}
    </nav>
  );
}
