// The signed-in session (access + refresh token), kept in localStorage so a reload or a second tab stays signed in.

export type Session = { token: string; refreshToken: string; userId: string };

const KEY = "jobgraph.session";
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function writeSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener(session));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Seconds since the epoch at which a JWT expires, or null if it cannot be read. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split(".")[1];
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp : null;
  } catch {
    return null;
  }
}

/** True when the token expires within `marginSeconds` (refresh before sending rather than fail). */
export function isExpiring(token: string, nowMs: number = Date.now(), marginSeconds = 30): boolean {
  const exp = tokenExpiry(token);
  return exp !== null && exp * 1000 - nowMs < marginSeconds * 1000;
}
