// The signed-in frame: skip link, navigation, theme switch, sign out, and the current screen.
import { useState } from "react";
import { NavLink, Outlet, useNavigate } from "react-router";
import { applyTheme, initialTheme, type Theme } from "@/lib/theme";
import { LiveApplications } from "@/features/applications";
import { NotificationBadge } from "@/features/notifications";
import { SearchBox } from "@/features/search";
import { NAVIGATION } from "./navigation";

export function Layout({ onSignOut }: { onSignOut: () => void }) {
  const navigate = useNavigate();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const toggleTheme = () => {
    const next = theme === "dark" ? "light" : "dark";
    applyTheme(next);
    setTheme(next);
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="jobgraph home">
          jobgraph
        </NavLink>
        <nav aria-label="Main" className="nav">
          {NAVIGATION.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.to === "/"}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <SearchBox />
        <div className="topbar-actions">
          <NotificationBadge />
          <button type="button" className="small" onClick={toggleTheme} aria-label={`Switch to ${theme === "dark" ? "light" : "dark"} theme`}>
            {theme === "dark" ? "☀" : "☾"}
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              onSignOut();
              navigate("/signin", { replace: true });
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <LiveApplications />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
