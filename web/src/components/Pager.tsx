// Cursor pagination: next follows pageInfo.endCursor, previous pops the cursors already walked.
import { useState } from "react";

export type PageInfoLike = { hasNextPage: boolean; endCursor?: string | null };

/** The `after` cursor for the current page and moves between pages; reset when the filters change. */
export function usePages() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const after = stack[stack.length - 1];
  return {
    after,
    page: stack.length,
    next: (cursor: string | null | undefined) => cursor && setStack((current) => [...current, cursor]),
    previous: () => setStack((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    reset: () => setStack([null]),
  };
}

export function Pager({
  pageInfo,
  pages,
  total,
  label,
}: {
  pageInfo: PageInfoLike;
  pages: ReturnType<typeof usePages>;
  total: number;
  label: string;
}) {
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={pages.previous} disabled={pages.page === 1}>
        Previous
      </button>
      <span>
        Page {pages.page} · {total} {label}
      </span>
      <button type="button" onClick={() => pages.next(pageInfo.endCursor)} disabled={!pageInfo.hasNextPage}>
        Next
      </button>
    </nav>
  );
}
