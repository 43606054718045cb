// Loading, empty and error states, the same on every screen.
import type { CombinedError } from "urql";
import { formError } from "@/lib/errors";

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="state state--empty">{children}</div>;
}

export function ErrorNote({ error }: { error: CombinedError }) {
  return (
    <p className="form-error" role="alert">
      {formError(error) ?? error.message}
    </p>
  );
}
