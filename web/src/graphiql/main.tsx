// GraphiQL from npm, built with the app and served by the router at /graphql (no CDN, works offline).
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";
import { withSseSubscriptions } from "./sse";

const url = window.location.pathname;
// The router answers with the query plan of each operation under `extensions.queryPlan` when asked.
const http = createGraphiQLFetcher({ url, headers: { "x-jobgraph-plan": "true" } });
const fetcher = withSseSubscriptions(url, http);

createRoot(document.getElementById("graphiql")!).render(
  <GraphiQL fetcher={fetcher} defaultEditorToolsVisibility shouldPersistHeaders />,
);
