// Keeps the board, the table and application pages current while signed in: nothing to render, the
// cache's update for applicationChanged does the work (see lib/client.ts).
import { useSubscription } from "urql";
import { ApplicationChangedSubscription } from "../api/applications";

export function LiveApplications() {
  useSubscription({ query: ApplicationChangedSubscription });
  return null;
}
