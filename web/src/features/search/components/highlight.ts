// The server's highlight snippets are HTML-escaped text with <mark></mark> around matches: split them into
// plain-text parts (entities decoded) and marked parts, so React renders them as text and nothing else is HTML.

export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_match, name: string) => ENTITIES[name]);
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  // Odd pieces sit between <mark> and </mark>; any other tag-like text stays text.
  snippet.split(/<mark>|<\/mark>/).forEach((piece, index) => {
    if (piece) parts.push({ text: decode(piece), marked: index % 2 === 1 });
  });
  return parts;
}
