// Every screen, each its own chunk (code-split): a new feature adds its routes here.
import { lazy } from "react";

export const SignIn = lazy(() => import("@/features/auth/routes/SignIn"));
export const SignUp = lazy(() => import("@/features/auth/routes/SignUp"));

export const SIGNED_IN_ROUTES = [
  { path: "/", Component: lazy(() => import("@/features/dashboard/routes/Dashboard")) },
  { path: "/applications", Component: lazy(() => import("@/features/applications/routes/ApplicationsBoard")) },
  { path: "/applications/table", Component: lazy(() => import("@/features/applications/routes/ApplicationsTable")) },
  { path: "/applications/new", Component: lazy(() => import("@/features/applications/routes/NewApplication")) },
  { path: "/applications/import", Component: lazy(() => import("@/features/applications/routes/ImportApplications")) },
  { path: "/applications/:id", Component: lazy(() => import("./routes/ApplicationPage")) },
  { path: "/interviews", Component: lazy(() => import("@/features/interviews/routes/Agenda")) },
  { path: "/interviews/calendar", Component: lazy(() => import("@/features/interviews/routes/Calendar")) },
  { path: "/contacts", Component: lazy(() => import("@/features/contacts/routes/Contacts")) },
  { path: "/people", Component: lazy(() => import("@/features/people/routes/People")) },
  { path: "/people/:id", Component: lazy(() => import("@/features/people/routes/Person")) },
  { path: "/analytics", Component: lazy(() => import("@/features/analytics/routes/Analytics")) },
  { path: "/notifications", Component: lazy(() => import("@/features/notifications/routes/Notifications")) },
  { path: "/search", Component: lazy(() => import("@/features/search/routes/Search")) },
  { path: "/files", Component: lazy(() => import("@/features/files/routes/Files")) },
  { path: "/profile", Component: lazy(() => import("@/features/people/routes/MyProfile")) },
  { path: "/settings/api-tokens", Component: lazy(() => import("@/features/tokens/routes/ApiTokens")) },
];
