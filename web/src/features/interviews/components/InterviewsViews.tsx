// Agenda or month calendar: two views of the same interviews.
import { ViewSwitch } from "@/components/ViewSwitch";

const VIEWS = [
  { to: "/interviews", label: "Agenda" },
  { to: "/interviews/calendar", label: "Calendar" },
] as const;

export function InterviewsViews() {
  return <ViewSwitch label="Interviews view" views={VIEWS} />;
}
