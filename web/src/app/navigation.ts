// The main navigation: a new feature adds its entry here (and its routes in routes.tsx).
export const NAVIGATION = [
  { to: "/", label: "Dashboard" },
  { to: "/applications", label: "Applications" },
  { to: "/analytics", label: "Analytics" },
  { to: "/interviews", label: "Interviews" },
  { to: "/contacts", label: "Contacts" },
  { to: "/people", label: "People" },
  { to: "/files", label: "Files" },
  { to: "/profile", label: "Profile" },
] as const;
