// The graph's errors as the UI needs them: BAD_USER_INPUT messages by input field, and one line for the rest.
import type { CombinedError } from "urql";

export type FieldErrors = Record<string, string>;

/** BAD_USER_INPUT errors keyed by `extensions.field` (the last path segment, e.g. "input.jobUrl" → "jobUrl"). */
export function fieldErrors(error: CombinedError | undefined | null): FieldErrors {
  const out: FieldErrors = {};
  for (const item of error?.graphQLErrors ?? []) {
    const { code, field } = item.extensions as { code?: string; field?: string };
    if (code === "BAD_USER_INPUT" && typeof field === "string") {
      const key = field.split(".").pop() ?? field;
      out[key] ??= item.message;
    }
  }
  return out;
}

/** A message for errors not tied to a field (none when every error is a field error). */
export function formError(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError) return "The server cannot be reached. Try again in a moment.";
  const rest = error.graphQLErrors.filter((item) => {
    const { code, field } = item.extensions as { code?: string; field?: string };
    return !(code === "BAD_USER_INPUT" && typeof field === "string");
  });
  return rest.length ? rest.map((item) => item.message).join(" ") : null;
}

export function errorCode(error: CombinedError | undefined | null): string | undefined {
  return error?.graphQLErrors.map((item) => (item.extensions as { code?: string }).code).find(Boolean);
}
