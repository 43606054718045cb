// Agenda or month calendar: two views of the same interviews.
import { NavLink } from "react-router";

export function InterviewsSwitch() {
  return (
    <nav className="switch" aria-label="Interviews view">
      <NavLink to="/interviews" end>
        Agenda
      </NavLink>
      <NavLink to="/interviews/calendar">Calendar</NavLink>
    </nav>
  );
}
