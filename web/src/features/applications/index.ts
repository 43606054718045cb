// The applications feature's public entry: what app/ composes into screens.
export { DeleteApplicationMutation, UpdateApplicationMutation } from "./api/applications";
export { ApplicationDetails } from "./components/ApplicationDetails";
export { ApplicationForm } from "./components/ApplicationForm";
export { StatusTimeline } from "./components/StatusTimeline";
export { LiveApplications } from "./components/LiveApplications";
