// The one GraphQL client: urql with a normalised cache (graphcache), token refresh, and graphql-ws subscriptions.
import { authExchange } from "@urql/exchange-auth";
import { cacheExchange, type Cache } from "@urql/exchange-graphcache";
import { createClient as createWsClient } from "graphql-ws";
import { Client, fetchExchange, subscriptionExchange, type Exchange, type Operation } from "urql";
import { map, pipe } from "wonka";
import { graphql } from "@/gql";
import { isExpiring, readSession, writeSession } from "./session";

const REFRESH = graphql(`
  mutation RefreshSession($token: String!) {
    refreshToken(token: $token) {
      token
      refreshToken
      user {
        id
      }
    }
  }
`);

/** Every cached list field `fieldName` of `entity` (all argument variants), dropped so screens refetch it. */
export function invalidateField(cache: Cache, entity: string, fieldName: string): void {
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName === fieldName) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

function invalidateMe(cache: Cache, ...fields: string[]): void {
  const session = readSession();
  const key = session ? cache.keyOfEntity({ __typename: "User", id: session.userId }) : null;
  if (key) fields.forEach((field) => invalidateField(cache, key, field));
}

const applicationLists = (cache: Cache) => {
  invalidateField(cache, "Query", "applications");
  invalidateMe(cache, "applicationCounts", "recentApplications", "analytics");
};
const notificationLists = (cache: Cache) => {
  invalidateField(cache, "Query", "notifications");
  invalidateMe(cache, "unreadNotificationCount");
};
const fileLinks = (cache: Cache) => {
  invalidateMe(cache, "files", "resume");
  invalidateField(cache, "Query", "application");
};
const interviewLists = (cache: Cache) => {
  invalidateField(cache, "Query", "interviews");
  invalidateMe(cache, "upcomingInterviews");
};
const contactLinks = (cache: Cache, applicationId: string, contactId: string) => {
  cache.invalidate({ __typename: "Application", id: applicationId }, "timeline");
  cache.invalidate({ __typename: "Contact", id: contactId }, "applications");
};

/** Value objects without an id: graphcache keeps them inside their parent entity. Every keyless object type of
 * the graph is here (lib/embedded.test.ts checks it against the supergraph). */
export const EMBEDDED_TYPES: readonly string[] = [
  "Salary",
  "StatusChange",
  "StatusCount",
  "Link",
  "ApplicationCounts",
  "PageInfo",
  "ApplicationConnection",
  "ApplicationEdge",
  "ApplicationExport",
  "ApplicationImport",
  "ImportColumn",
  "ImportRow",
  "ImportRowError",
  "InterviewConnection",
  "InterviewEdge",
  "ContactConnection",
  "ContactEdge",
  "UserConnection",
  "UserEdge",
  "AuthPayload",
  "MonthCount",
  "CategoryCount",
  "FunnelStep",
  "StatusDuration",
  "WeekCount",
  "Analytics",
  "NotificationConnection",
  "NotificationEdge",
  "NotificationSettings",
  "SearchConnection",
  "SearchEdge",
  "SearchHit",
  "SearchFacet",
  "Highlight",
  "FileConnection",
  "FileEdge",
  "ResumeMatch",
  "CreateUploadPayload",
  "UploadHeader",
  "FieldChange",
  "CreateApiTokenPayload",
];

/** A normalised cache of its own for each client (one per signed-in person: nothing carries over). */
export const createCache = () =>
  cacheExchange({
  keys: Object.fromEntries(EMBEDDED_TYPES.map((name) => [name, () => null])),

  updates: {
    // Another tab or device changed something: the entity is written by normalisation; lists, counts and
    // the numbers that depend on it are fetched again.
    Subscription: {
      applicationChanged: (result, _args, cache) => {
        applicationLists(cache);
        const changed = result.applicationChanged as { id?: string } | null;
        if (changed?.id) {
          cache.invalidate({ __typename: "Application", id: changed.id }, "statusHistory");
          cache.invalidate({ __typename: "Application", id: changed.id }, "timeline");
        }
        invalidateMe(cache, "analytics");
      },
      notificationReceived: (_result, _args, cache) => notificationLists(cache),
    },
    Mutation: {
      // A file changes the lists it is in and, for a resume, every application's match.
      uploadFile: (_result, args, cache) => {
        invalidateMe(cache, "files");
        if (args.applicationId) cache.invalidate({ __typename: "Application", id: args.applicationId as string }, "documents");
      },
      // A direct upload names only the file: every list a file can be in is fetched again.
      completeUpload: (_result, _args, cache) => fileLinks(cache),
      setResume: (_result, _args, cache) => fileLinks(cache),
      deleteFile: (_result, _args, cache) => fileLinks(cache),
      markNotificationsRead: (_result, _args, cache) => notificationLists(cache),
      updateNotificationSettings: (_result, _args, cache) => invalidateMe(cache, "notificationSettings"),
      createApplication: (_result, _args, cache) => applicationLists(cache),
      // An edit can move an application in or out of a filtered list (tags, priority, dates) or along its order.
      updateApplication: (_result, args, cache) => {
        applicationLists(cache);
        cache.invalidate({ __typename: "Application", id: args.id as string }, "timeline");
      },
      addTimelineNote: (_result, args, cache) => cache.invalidate({ __typename: "Application", id: args.applicationId as string }, "timeline"),
      // The application's contacts come back with the answer; its timeline and the contact's side are fetched again.
      linkContact: (_result, args, cache) => contactLinks(cache, args.applicationId as string, args.contactId as string),
      unlinkContact: (_result, args, cache) => contactLinks(cache, args.applicationId as string, args.contactId as string),
      // Bulk changes touch any number of lists: every list, count and moved application's history is fetched again.
      changeApplicationsStatus: (_result, args, cache) => {
        applicationLists(cache);
        for (const id of args.ids as string[]) {
          cache.invalidate({ __typename: "Application", id }, "statusHistory");
          cache.invalidate({ __typename: "Application", id }, "timeline");
        }
      },
      // A preview creates nothing; a committed import adds applications to the lists and counts.
      importApplications: (_result, args, cache) => {
        if (args.commit) applicationLists(cache);
      },
      deleteApplications: (_result, _args, cache) => {
        applicationLists(cache);
        interviewLists(cache);
      },
      deleteApplication: (_result, _args, cache) => {
        applicationLists(cache);
        interviewLists(cache);
      },
      // Runs for the optimistic answer too: the board (an unfiltered list) keeps its entities and regroups by
      // the new status; only lists filtered by status, the counts and the timeline are fetched again.
      changeApplicationStatus: (_result, args, cache) => {
        for (const field of cache.inspectFields("Query")) {
          const filter = field.arguments?.filter as { status?: unknown[] | null } | null | undefined;
          if (field.fieldName === "applications" && filter?.status?.length) cache.invalidate("Query", field.fieldName, field.arguments ?? undefined);
        }
        invalidateMe(cache, "applicationCounts", "recentApplications", "analytics");
        cache.invalidate({ __typename: "Application", id: args.id as string }, "statusHistory");
        cache.invalidate({ __typename: "Application", id: args.id as string }, "timeline");
      },
      scheduleInterview: (_result, args, cache) => {
        interviewLists(cache);
        const input = args.input as { applicationId: string };
        invalidateField(cache, cache.keyOfEntity({ __typename: "Application", id: input.applicationId }) ?? "", "interviews");
      },
      updateInterview: (_result, _args, cache) => interviewLists(cache),
      cancelInterview: (_result, _args, cache) => interviewLists(cache),
      // A new token joins the list; a revoked one leaves it (the secret itself is never cached beyond the answer).
      createApiToken: (_result, _args, cache) => invalidateField(cache, "Query", "apiTokens"),
      revokeApiToken: (_result, args, cache) => {
        cache.invalidate({ __typename: "ApiToken", id: args.id as string });
        invalidateField(cache, "Query", "apiTokens");
      },
      // A new export joins the list (its row then follows it with myDataExport until it is READY or FAILED).
      exportMyData: (_result, _args, cache) => invalidateField(cache, "Query", "myDataExports"),
      createContact: (_result, _args, cache) => invalidateField(cache, "Query", "contacts"),
      updateContact: (_result, _args, cache) => invalidateField(cache, "Query", "contacts"),
      // A deleted contact also leaves the applications it was linked to: their pages are fetched again.
      deleteContact: (_result, _args, cache) => {
        invalidateField(cache, "Query", "contacts");
        invalidateField(cache, "Query", "application");
      },
    },
  },
  optimistic: {
    // The card moves at once; graphcache drops this layer (rolls back) if the mutation fails.
    changeApplicationStatus: (args) => ({
      __typename: "Application",
      id: args.id as string,
      status: args.status as string,
      updatedAt: new Date().toISOString(),
    }),
    addInterest: (args, cache) => {
      const session = readSession();
      const me = { __typename: "User", id: session?.userId ?? "" };
      const current = (cache.resolve(me, "interestedIn") as string[] | null) ?? [];
      const added = cache.keyOfEntity({ __typename: "User", id: args.userId as string });
      const list = added && !current.includes(added) ? [...current, added] : current;
      return { ...me, interestedIn: list.map((key) => ({ __typename: "User", id: key.replace(/^User:/, "") })) };
    },
    removeInterest: (args, cache) => {
      const session = readSession();
      const me = { __typename: "User", id: session?.userId ?? "" };
      const current = (cache.resolve(me, "interestedIn") as string[] | null) ?? [];
      const removed = cache.keyOfEntity({ __typename: "User", id: args.userId as string });
      return {
        ...me,
        interestedIn: current
          .filter((key) => key !== removed)
          .map((key) => ({ __typename: "User", id: key.replace(/^User:/, "") })),
      };
    },
  },
});

/** A fresh key (a version 4 UUID); getRandomValues, unlike randomUUID, also exists on a plain-http origin. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The operation's fetch headers as a plain object (urql allows an object or a function for fetchOptions). */
function headersOf(operation: Operation): Record<string, string> {
  const options = typeof operation.context.fetchOptions === "function" ? operation.context.fetchOptions() : operation.context.fetchOptions;
  return Object.fromEntries(new Headers(options?.headers).entries());
}

/** Every mutation carries an `Idempotency-Key` (README "Safe retries"), one per intent: it is made when the
 * mutation is issued and kept in the operation's own context, so the same operation sent again — the auth
 * exchange re-sending it after a token refresh, a re-execution — carries the same key and the router replays
 * the first answer instead of acting twice, while a new mutation (even with the same variables) gets a new one. */
export const idempotencyExchange: Exchange =
  ({ forward }) =>
  (operations$) =>
    forward(
      pipe(
        operations$,
        map((operation) => {
          if (operation.kind !== "mutation") return operation;
          const headers = headersOf(operation);
          if (headers["idempotency-key"]) return operation;
          const options = typeof operation.context.fetchOptions === "function" ? operation.context.fetchOptions() : operation.context.fetchOptions;
          // Written into this operation's own context (a fresh object per issued mutation; the shared client
          // options are copied, not changed), so whichever copy is re-sent later, from any exchange, has the key.
          operation.context.fetchOptions = { ...options, headers: { ...headers, "idempotency-key": newIdempotencyKey() } };
          return operation;
        }),
      ),
    );

function graphqlUrl(): string {
  return new URL("/graphql", window.location.href).toString();
}

/** A client for the router at this page's origin; `onSignedOut` runs when the session cannot be refreshed. */
export function createClient(onSignedOut: () => void): Client {
  const ws = createWsClient({
    url: graphqlUrl().replace(/^http/, "ws"),
    lazy: true,
    connectionParams: () => {
      const session = readSession();
      return session ? { authorization: `Bearer ${session.token}` } : {};
    },
  });
  return new Client({
    url: "/graphql",
    requestPolicy: "cache-and-network",
    // The router's CSRF prevention (as Apollo's) refuses a request a browser could send without a preflight
    // (urql sends queries as GET) unless it carries this header; same-origin, it costs nothing.
    fetchOptions: { headers: { "apollo-require-preflight": "true" } },
    exchanges: [
      createCache(),
      idempotencyExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const session = readSession();
          // The refresh needs no access token, and a stale one would make the router refuse it (401).
          const isRefresh = operation.kind === "mutation" && operation.query === REFRESH;
          if (!session || isRefresh) return operation;
          return utils.appendHeaders(operation, { Authorization: `Bearer ${session.token}` });
        },
        // Refresh before the token runs out, and once more if the graph still says UNAUTHENTICATED:
        // the operation is then retried, so a form being submitted keeps its work.
        willAuthError(operation) {
          const session = readSession();
          const isRefresh = operation.kind === "mutation" && operation.query === REFRESH;
          return !isRefresh && session !== null && isExpiring(session.token);
        },
        // An UNAUTHENTICATED error at a field (a wrong password confirming deleteMyAccount) is the person's input,
        // not an expired token: no refresh, no retry.
        didAuthError(error) {
          return error.graphQLErrors.some((item) => item.extensions?.code === "UNAUTHENTICATED" && !item.extensions?.field);
        },
        async refreshAuth() {
          const session = readSession();
          if (!session) return;
          const result = await utils.mutate(REFRESH, { token: session.refreshToken });
          const pair = result.data?.refreshToken;
          if (pair) writeSession({ token: pair.token, refreshToken: pair.refreshToken, userId: pair.user.id });
          else {
            writeSession(null);
            onSignedOut();
          }
        },
      })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const dispose = ws.subscribe(input, sink);
              return { unsubscribe: dispose };
            },
          };
        },
      }),
    ],
  });
}
