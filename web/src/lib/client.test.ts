import { authExchange } from "@urql/exchange-auth";
import { GraphQLError } from "graphql";
import { Client, CombinedError, makeResult, type Exchange, type Operation, type OperationResult } from "urql";
import { describe, expect, it } from "vitest";
import { filter, fromPromise, mergeMap, pipe } from "wonka";
import { graphql } from "@/gql";
import { createCache, idempotencyExchange } from "./client";

const Board = graphql(`
  query CacheTestBoard {
    applications(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
        }
      }
    }
  }
`);

const Move = graphql(`
  mutation CacheTestMove($id: ID!, $status: ApplicationStatus!, $note: String) {
    changeApplicationStatus(id: $id, status: $status, note: $note) {
      id
      status
      updatedAt
    }
  }
`);

const Changed = graphql(`
  subscription CacheTestChanged {
    applicationChanged {
      id
      status
      updatedAt
    }
  }
`);

const BulkDelete = graphql(`
  mutation CacheTestBulkDelete($ids: [ID!]!) {
    deleteApplications(ids: $ids) {
      id
      outcome
    }
  }
`);

const BulkMove = graphql(`
  mutation CacheTestBulkMove($ids: [ID!]!, $status: ApplicationStatus!) {
    changeApplicationsStatus(ids: $ids, status: $status) {
      id
      outcome
      application {
        id
        status
        updatedAt
      }
    }
  }
`);

const board = {
  applications: {
    __typename: "ApplicationConnection",
    totalCount: 1,
    pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: "c1" },
    edges: [{ __typename: "ApplicationEdge", cursor: "c1", node: { __typename: "Application", id: "a1", status: "APPLIED" } }],
  },
};

/** The graph, played by a promise per operation that the test settles when it wants. */
function graph() {
  const pending: { operation: Operation; settle: (result: OperationResult) => void }[] = [];
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== "teardown"),
      mergeMap((operation) => fromPromise(new Promise<OperationResult>((settle) => pending.push({ operation, settle })))),
    );
  return { exchange, pending };
}

const statusInCache = (client: Client) => client.readQuery(Board, {})?.data?.applications.edges[0].node.status;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the normalised cache", () => {
  it("moves a card at once and rolls the move back when the graph refuses it", async () => {
    const { exchange, pending } = graph();
    const client = new Client({ url: "/graphql", exchanges: [createCache(), exchange] });
    const query = client.query(Board, {}).toPromise();
    await tick();
    pending[0].settle(makeResult(pending[0].operation, { data: board }));
    await query;

    const move = client.mutation(Move, { id: "a1", status: "INTERVIEW", note: null }).toPromise();
    await tick();
    expect(statusInCache(client)).toBe("INTERVIEW"); // optimistic, before the graph answers

    const refused = new CombinedError({ graphQLErrors: [new GraphQLError("not yours", { extensions: { code: "NOT_FOUND" } })] });
    const mutation = pending.find((item) => item.operation.kind === "mutation")!;
    mutation.settle(makeResult(mutation.operation, { errors: refused.graphQLErrors }));
    await move;
    expect(statusInCache(client)).toBe("APPLIED");
  });

  it("keeps no data between two clients (two people signing in one after the other)", async () => {
    const first = graph();
    const ada = new Client({ url: "/graphql", exchanges: [createCache(), first.exchange] });
    const query = ada.query(Board, {}).toPromise();
    await tick();
    first.pending[0].settle(makeResult(first.pending[0].operation, { data: board }));
    await query;
    expect(statusInCache(ada)).toBe("APPLIED");
    const bob = new Client({ url: "/graphql", exchanges: [createCache(), graph().exchange] });
    expect(statusInCache(bob)).toBeUndefined();
  });

  it("writes an application changed elsewhere and fetches the lists it may have left or joined", async () => {
    const { exchange, pending } = graph();
    const client = new Client({ url: "/graphql", exchanges: [createCache(), exchange] });
    const seen: (string | undefined)[] = [];
    const watching = client.query(Board, {}).subscribe((result) => seen.push(result.data?.applications.edges[0]?.node.status));
    await tick();
    pending[0].settle(makeResult(pending[0].operation, { data: board }));
    await tick();
    const live = client.subscription(Changed, {}).subscribe(() => undefined);
    await tick();
    const event = pending.find((item) => item.operation.kind === "subscription")!;
    event.settle(
      makeResult(event.operation, {
        data: { applicationChanged: { __typename: "Application", id: "a1", status: "OFFER", updatedAt: "2026-11-30T12:00:00Z" } },
      }),
    );
    await tick();
    const refetch = pending.filter((item) => item.operation.kind === "query");
    expect(refetch).toHaveLength(2); // the board asks the graph again
    const moved = { ...board.applications, edges: [{ ...board.applications.edges[0], node: { ...board.applications.edges[0].node, status: "OFFER" } }] };
    refetch[1].settle(makeResult(refetch[1].operation, { data: { applications: moved } }));
    await tick();
    expect(seen.at(-1)).toBe("OFFER");
    live.unsubscribe();
    watching.unsubscribe();
  });

  it("fetches the lists again after a bulk status change or a bulk delete", async () => {
    const { exchange, pending } = graph();
    const client = new Client({ url: "/graphql", exchanges: [createCache(), exchange] });
    const watching = client.query(Board, {}).subscribe(() => undefined);
    await tick();
    pending[0].settle(makeResult(pending[0].operation, { data: board }));
    await tick();
    const answer = async (operation: Promise<unknown>, data: object) => {
      await tick();
      const mutation = pending.filter((item) => item.operation.kind === "mutation").at(-1)!;
      mutation.settle(makeResult(mutation.operation, { data }));
      await operation;
      await tick();
    };
    const queries = () => pending.filter((item) => item.operation.kind === "query").length;
    const moved = { __typename: "Application", id: "a1", status: "OFFER", updatedAt: "2026-11-30T12:00:00Z" };
    await answer(client.mutation(BulkMove, { ids: ["a1"], status: "OFFER" }).toPromise(), {
      changeApplicationsStatus: [{ __typename: "ApplicationBulkResult", id: "a1", outcome: "CHANGED", application: moved }],
    });
    expect(queries()).toBe(2);
    const refetched = pending.filter((item) => item.operation.kind === "query").at(-1)!;
    refetched.settle(makeResult(refetched.operation, { data: board }));
    await tick();
    await answer(client.mutation(BulkDelete, { ids: ["a1"] }).toPromise(), {
      deleteApplications: [{ __typename: "ApplicationBulkResult", id: "a1", outcome: "DELETED" }],
    });
    expect(queries()).toBe(3);
    watching.unsubscribe();
  });
});

const CreateTest = graphql(`
  mutation CacheTestCreate($input: CreateApplicationInput!) {
    createApplication(input: $input) {
      id
    }
  }
`);

const headersSent = (operation: Operation) => new Headers((operation.context.fetchOptions as RequestInit | undefined)?.headers);

describe("safe retries", () => {
  it("gives every mutation issued its own Idempotency-Key, even with the same variables, and queries none", async () => {
    const { exchange, pending } = graph();
    const client = new Client({ url: "/graphql", fetchOptions: { headers: { "apollo-require-preflight": "true" } }, exchanges: [idempotencyExchange, exchange] });
    const input = { company: "Initech", position: "Data engineer" };
    void client.mutation(CreateTest, { input }).toPromise();
    void client.mutation(CreateTest, { input }).toPromise();
    void client.query(Board, {}).toPromise();
    await tick();
    const [first, second] = pending.filter((item) => item.operation.kind === "mutation").map((item) => headersSent(item.operation));
    expect(first.get("idempotency-key")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.get("idempotency-key")).not.toBe(first.get("idempotency-key"));
    expect(first.get("apollo-require-preflight")).toBe("true"); // the client's own headers stay
    const query = pending.find((item) => item.operation.kind === "query")!;
    expect(headersSent(query.operation).get("idempotency-key")).toBeNull();
  });

  it("sends the same key again when the auth exchange re-sends a mutation after refreshing the token", async () => {
    const { exchange, pending } = graph();
    let token = "old";
    const client = new Client({
      url: "/graphql",
      exchanges: [
        idempotencyExchange,
        authExchange(async (utils) => ({
          addAuthToOperation: (operation) => utils.appendHeaders(operation, { authorization: `Bearer ${token}` }),
          willAuthError: () => false,
          didAuthError: (error) => error.graphQLErrors.some((item) => item.extensions?.code === "UNAUTHENTICATED"),
          refreshAuth: async () => {
            token = "new";
          },
        })),
        exchange,
      ],
    });
    const created = client.mutation(CreateTest, { input: { company: "Initech", position: "Data engineer" } }).toPromise();
    await tick();
    const expired = new GraphQLError("the token expired", { extensions: { code: "UNAUTHENTICATED" } });
    pending[0].settle(makeResult(pending[0].operation, { errors: [expired] }));
    await tick();
    await tick();
    expect(pending).toHaveLength(2);
    const [sent, resent] = pending.map((item) => headersSent(item.operation));
    expect(resent.get("authorization")).toBe("Bearer new");
    expect(sent.get("idempotency-key")).toBeTruthy();
    expect(resent.get("idempotency-key")).toBe(sent.get("idempotency-key"));
    pending[1].settle(makeResult(pending[1].operation, { data: { createApplication: { __typename: "Application", id: "a9" } } }));
    expect((await created).data?.createApplication.id).toBe("a9");
  });
});
