// GraphiQL from npm, built with the app and served by the router at /graphql (no CDN, works offline).
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";

// The router answers with the query plan of each operation under `extensions.queryPlan` when asked.
const fetcher = createGraphiQLFetcher({
  url: window.location.pathname,
  headers: { "x-jobgraph-plan": "true" },
});

createRoot(document.getElementById("graphiql")!).render(
  <GraphiQL fetcher={fetcher} defaultEditorToolsVisibility shouldPersistHeaders />,
);
