// The current session as React state, following sign-in, sign-out and refreshes (also from other tabs).
import { useEffect, useState } from "react";
import { onSessionChange, readSession, type Session } from "@/lib/session";

export function useSession(): Session | null {
  const [session, setSession] = useState(readSession);
  useEffect(() => {
    const off = onSessionChange(setSession);
    const fromOtherTab = (event: StorageEvent) => event.key === "jobgraph.session" && setSession(readSession());
    window.addEventListener("storage", fromOtherTab);
    return () => {
      off();
      window.removeEventListener("storage", fromOtherTab);
    };
  }, []);
  return session;
}
