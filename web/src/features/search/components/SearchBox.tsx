// The layout's search box: submitting opens /search?q=… (the results screen keeps the words in the URL).
import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";

export function SearchBox() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [words, setWords] = useState(params.get("q") ?? "");
  function submit(event: FormEvent) {
    event.preventDefault();
    const query = words.trim();
    if (query) navigate(`/search?q=${encodeURIComponent(query)}`);
  }
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="global-search" className="visually-hidden">
        Search everything
      </label>
      <input id="global-search" type="search" placeholder="Search…" value={words} onChange={(event) => setWords(event.target.value)} />
      <button type="submit" className="small search-button" aria-label="Search">
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z" fill="currentColor" />
        </svg>
      </button>
    </form>
  );
}
