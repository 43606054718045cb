// @vitest-environment node
// The SSE fetcher against a real HTTP server speaking the router's graphql-sse wire format (the router's
// side is tested in tests/router/transport); queries still go to the plain fetcher.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "graphql";
import { afterEach, expect, test } from "vitest";
import { isSubscription, withSseSubscriptions } from "./sse";

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(handler: (request: IncomingMessage, body: string) => string): Promise<string> {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      // Split mid-event, as a network may deliver it.
      const stream = handler(request, body);
      response.write(stream.slice(0, 17));
      setTimeout(() => response.end(stream.slice(17)), 20);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/graphql`;
}

test("a subscription streams each next event until complete, with the header pane's headers", async () => {
  const seen: Array<{ accept?: string; authorization?: string; body: string }> = [];
  const url = await serve((request, body) => {
    seen.push({ accept: request.headers.accept, authorization: request.headers.authorization, body });
    return (
      ": ping\n\n" +
      'event: next\ndata: {"data":{"n":1}}\n\n' +
      'event: next\ndata: {"data":{"n":2}}\n\n' +
      "event: complete\ndata:\n\n"
    );
  });
  const query = "subscription { n }";
  const fetcher = withSseSubscriptions(url, async () => ({ data: { http: true } }));
  const results = fetcher({ query }, { documentAST: parse(query), headers: { authorization: "Bearer t" } });
  const received: unknown[] = [];
  for await (const result of results as AsyncIterable<unknown>) received.push(result);
  expect(received).toEqual([{ data: { n: 1 } }, { data: { n: 2 } }]);
  expect(seen).toEqual([
    { accept: "text/event-stream", authorization: "Bearer t", body: JSON.stringify({ query }) },
  ]);
});

test("queries and mutations go to the plain fetcher", async () => {
  const fetcher = withSseSubscriptions("http://127.0.0.1:9/graphql", async () => ({ data: { http: true } }));
  const query = "{ me { id } }";
  expect(await fetcher({ query }, { documentAST: parse(query) })).toEqual({ data: { http: true } });
});

test("the chosen operation decides, by name", () => {
  const document = parse("query Q { a } subscription S { b }");
  expect(isSubscription({ query: "", operationName: "S" }, { documentAST: document })).toBe(true);
  expect(isSubscription({ query: "", operationName: "Q" }, { documentAST: document })).toBe(false);
});
