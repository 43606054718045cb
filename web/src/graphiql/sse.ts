// GraphiQL's subscriptions stream over the router's GraphQL-over-SSE transport (router/transport/sse.py,
// distinct connections mode), with the headers of GraphiQL's header pane like its queries: a developer can
// watch `notificationReceived` live with their token. Closing the stream (GraphiQL's stop button) aborts it.
import type { Fetcher, FetcherOpts, FetcherParams, FetcherReturnType } from "@graphiql/toolkit";

type Result = Record<string, unknown>;

/** Whether the operation GraphiQL is about to run is a subscription. */
export function isSubscription(params: FetcherParams, opts?: FetcherOpts): boolean {
  const definitions = opts?.documentAST?.definitions ?? [];
  const operations = definitions.filter((definition) => definition.kind === "OperationDefinition");
  const chosen = operations.find(
    (operation) => !params.operationName || operation.name?.value === params.operationName,
  );
  return chosen?.operation === "subscription";
}

/** The results of one subscription, as the router's `next` events carry them, until `complete`. */
export async function* subscribeOverSse(
  url: string,
  params: FetcherParams,
  opts?: FetcherOpts,
): AsyncGenerator<Result> {
  const abort = new AbortController();
  try {
    const response = await fetch(url, {
      method: "POST",
      signal: abort.signal,
      headers: {
        ...(opts?.headers ?? {}),
        "content-type": "application/json",
        accept: "text/event-stream",
      },
      body: JSON.stringify(params),
    });
    if (!response.ok || !response.body) {
      // The router answers a refused subscription (bad token, bad query) as an ordinary GraphQL response.
      yield (await response.json()) as Result;
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = "";
        let data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data += line.slice(5).trim();
        }
        if (event === "next") yield JSON.parse(data) as Result;
        if (event === "complete") return;
      }
    }
  } finally {
    abort.abort();
  }
}

/** `http` for queries and mutations, SSE for subscriptions. */
export function withSseSubscriptions(url: string, http: Fetcher): Fetcher {
  return (params, opts) =>
    isSubscription(params, opts)
      ? (subscribeOverSse(url, params, opts) as unknown as FetcherReturnType)
      : http(params, opts);
}
