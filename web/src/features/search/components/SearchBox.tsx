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
      <button type="submit" className="small">
        Search
      </button>
    </form>
  );
}
