// The interviews feature's public entry: what app/ composes into the application page.
export { ApplicationInterviews } from "./components/ApplicationInterviews";
export { ScheduleInterviewForm } from "./components/ScheduleInterviewForm";
