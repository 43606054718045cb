// A highlight snippet as text with <mark> around the matches (see highlight.ts: no HTML from the server).
import { snippetParts } from "./highlight";

export function Snippet({ snippet }: { snippet: string }) {
  return (
    <span className="snippet">
      {snippetParts(snippet).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}
