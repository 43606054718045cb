// /search?q=…&type=… — hits grouped by type, with per-type counts that narrow the search to one type.
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import type { SearchType } from "@/gql/graphql";
import { Pager, usePages } from "@/components/Pager";
import { Empty, ErrorNote, Loading } from "@/components/States";
import { SearchQuery } from "../api/search";
import { SearchHitItem, type Hit } from "../components/SearchHitItem";

const GROUPS: { type: SearchType; typename: Hit["item"]["__typename"]; label: string }[] = [
  { type: "APPLICATION", typename: "Application", label: "Applications" },
  { type: "INTERVIEW", typename: "Interview", label: "Interviews" },
  { type: "CONTACT", typename: "Contact", label: "Contacts" },
  { type: "PERSON", typename: "User", label: "People" },
];

export default function Search() {
  const [params] = useSearchParams();
  const query = params.get("q")?.trim() ?? "";
  const only = GROUPS.find((group) => group.type === params.get("type"));
  // A new search or type starts again at the first page.
  return <Results key={`${only?.type ?? ""}|${query}`} query={query} only={only} />;
}

function Results({ query, only }: { query: string; only: (typeof GROUPS)[number] | undefined }) {
  const pages = usePages();
  const [{ data, fetching, error }] = useQuery({
    query: SearchQuery,
    variables: { query, types: only ? [only.type] : null, after: pages.after },
    pause: !query,
  });
  const hits = data?.search.edges.map((edge) => edge.node) ?? [];
  const facetLink = (type: SearchType | null) => `/search?q=${encodeURIComponent(query)}${type ? `&type=${type}` : ""}`;
  return (
    <div className="page">
      <h1>{query ? `Search: ${query}` : "Search"}</h1>
      {!query ? <Empty>Type words in the search box above.</Empty> : null}
      {error && !data ? <ErrorNote error={error} /> : null}
      {query && !data && fetching ? <Loading /> : null}
      {data ? (
        <nav aria-label="Result types" className="switch facets">
          <Link to={facetLink(null)} className={only ? "" : "active"} aria-current={only ? undefined : "true"}>
            All
          </Link>
          {GROUPS.map((group) => {
            const count = data.search.facets.find((facet) => facet.type === group.type)?.count ?? 0;
            return (
              <Link key={group.type} to={facetLink(group.type)} className={only === group ? "active" : ""} aria-current={only === group ? "true" : undefined}>
                {group.label} ({count})
              </Link>
            );
          })}
        </nav>
      ) : null}
      {data && !hits.length ? <Empty>Nothing matches “{query}”.</Empty> : null}
      {GROUPS.map((group) => {
        const found = hits.filter((hit) => hit.item.__typename === group.typename);
        if (!found.length) return null;
        return (
          <section key={group.type} className="card" aria-labelledby={`hits-${group.type}`} data-testid={`hits-${group.type}`}>
            <h2 id={`hits-${group.type}`}>{group.label}</h2>
            <ul className="rows">
              {found.map((hit) => (
                <SearchHitItem key={`${hit.item.__typename}:${hit.item.id}`} hit={hit} />
              ))}
            </ul>
          </section>
        );
      })}
      {data && hits.length ? <Pager pageInfo={data.search.pageInfo} pages={pages} total={data.search.totalCount} label="results" /> : null}
    </div>
  );
}
