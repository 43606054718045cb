// One hit: a link to the item it found, what it is, and where the words matched.
import { Link } from "react-router";
import type { SearchQuery } from "@/gql/graphql";
import { StatusBadge } from "@/components/StatusBadge";
import { formatDateTime } from "@/lib/dates";
import { Snippet } from "./Snippet";

export type Hit = SearchQuery["search"]["edges"][number]["node"];

function target(item: Hit["item"]): { to: string; title: string; detail: React.ReactNode } {
  switch (item.__typename) {
    case "Application":
      return { to: `/applications/${item.id}`, title: `${item.position} at ${item.company}`, detail: <StatusBadge status={item.status} /> };
    case "Interview":
      return {
        to: item.application ? `/applications/${item.application.id}` : "/interviews",
        title: item.application ? `Interview: ${item.application.position} at ${item.application.company}` : "Interview",
        detail: formatDateTime(item.startsAt),
      };
    case "Contact":
      return { to: `/contacts`, title: item.name, detail: [item.contactPosition, item.contactCompany].filter(Boolean).join(" · ") };
    case "User":
      return { to: `/people/${item.id}`, title: item.name, detail: item.headline ?? "" };
  }
}

export function SearchHitItem({ hit }: { hit: Hit }) {
  const { to, title, detail } = target(hit.item);
  return (
    <li className="hit">
      <Link to={to}>{title}</Link> <span className="muted">{detail}</span>
      {hit.highlights.length ? (
        <dl className="hit-highlights">
          {hit.highlights.map((highlight) => (
            <div key={highlight.field}>
              <dt>{highlight.field}</dt>
              <dd>
                <Snippet snippet={highlight.snippet} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
