// A urql client for component tests: each operation is answered by `answer` and recorded, no network.
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { Provider, type Client, type GraphQLRequest, type OperationResult } from "urql";
import { fromValue } from "wonka";

export type Answer = (request: GraphQLRequest) => Partial<OperationResult>;

export function answeringClient(answer: Answer) {
  // What the hooks asked for, in order (urql hands the client requests; it makes operations of them).
  const operations: GraphQLRequest[] = [];
  const run = (request: GraphQLRequest) => {
    operations.push(request);
    return fromValue({ operation: request, stale: false, hasNext: false, ...answer(request) } as unknown as OperationResult);
  };
  const client = {
    executeQuery: run,
    executeMutation: run,
    executeSubscription: run,
  } as unknown as Client;
  return { client, operations };
}

export function withClient(client: Client, children: ReactNode, path = "/") {
  return (
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
    </Provider>
  );
}
