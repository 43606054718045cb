// The applications feature's public entry: what app/ composes into screens.
export { DeleteApplicationMutation, UpdateApplicationMutation } from "./api/applications";
export { ApplicationDetails } from "./components/ApplicationDetails";
export { ApplicationForm } from "./components/ApplicationForm";
export { Timeline } from "./components/Timeline";
export { LiveApplications } from "./components/LiveApplications";
