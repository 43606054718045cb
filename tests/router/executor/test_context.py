"""`@fromContext` at run time: each entity's contextual value is read from the object that sets the context
above it and sent as a variable of the entity fetch; entities that disagree get one aliased `_entities` each.

The subgraphs are plain graphql-core schemas over dicts (in process): each records the requests it got, so
the tests assert both the client's answer and exactly what every subgraph was sent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import graphql

from router.app import build_router
from router.pipeline import GraphQLRequest
from router.subgraph_client import SubgraphRequest, SubgraphResponse
from router.subgraph_client.protocol import failure
from tests.router.composition.harness import supergraph

IMPORTS = '"@key", "@external", "@context", "@fromContext"'
FED = f'extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: [{IMPORTS}])\n'

# orgs owns organisations and their currency; teams lists each organisation's teams and prices a team's
# budget in the currency of the organisation it was reached through (a context teams sets on Org).
ORGS_SDL = (
    FED
    + """
type Query { orgs: [Org!]! }
type Org @key(fields: "id") { id: ID! currency: String! }
"""
)
TEAMS_SDL = (
    FED
    + """
type Org @key(fields: "id") @context(name: "org") { id: ID! currency: String! @external teams: [Team!]! }
type Team @key(fields: "id") {
  id: ID!
  name: String!
  budget(currency: String @fromContext(field: "$org { currency }")): String!
}
"""
)
SUPERGRAPH = supergraph(orgs=ORGS_SDL, teams=TEAMS_SDL)

CURRENCIES = {"o1": "EUR", "o2": "USD", "o3": "EUR"}
TEAMS = {"o1": ["t1", "t2"], "o2": ["t3"], "o3": ["t4"], "o4": ["t-broken"]}


class FakeSubgraph:
    """A subgraph served by graphql-core over dicts; `_entities` finds objects through `resolve`."""

    def __init__(self, sdl: str, resolvers: dict[str, Callable[..., Any]]) -> None:
        self.schema = graphql.build_schema(sdl)
        for coordinate, resolver in resolvers.items():
            type_name, field_name = coordinate.split(".")
            type_ = self.schema.type_map[type_name]
            assert isinstance(type_, graphql.GraphQLObjectType)
            type_.fields[field_name].resolve = resolver
        self.requests: list[SubgraphRequest] = []

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        self.requests.append(request)
        result = await graphql.graphql(self.schema, request.query, variable_values=dict(request.variables))
        errors = tuple(dict(error.formatted) for error in result.errors or ())
        return SubgraphResponse(data=result.data, errors=errors)

    async def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        yield failure("SUBGRAPH_REQUEST_FAILED", "this test subgraph serves no subscriptions")

    async def aclose(self) -> None:
        return None


def _entities(_: Any, __: Any, representations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dict(representation) for representation in representations]


def _budget(team: dict[str, Any], _: Any, currency: str | None = None) -> str:
    if team["id"] == "t-broken":
        raise ValueError("no budget for this team")
    return f"{team['id']} in {currency}"


def subgraphs(currencies: dict[str, str] = CURRENCIES) -> dict[str, FakeSubgraph]:
    orgs = FakeSubgraph(
        """
        scalar _Any
        union _Entity = Org
        type Query { orgs: [Org!]! _entities(representations: [_Any!]!): [_Entity]! }
        type Org { id: ID! currency: String! }
        """,
        {
            "Query.orgs": lambda *_: [{"__typename": "Org", "id": o} for o in currencies],
            "Query._entities": _entities,
            "Org.currency": lambda org, _: currencies[org["id"]],
        },
    )
    teams = FakeSubgraph(
        """
        scalar _Any
        union _Entity = Org | Team
        type Query { _entities(representations: [_Any!]!): [_Entity]! }
        type Org { id: ID! teams: [Team!]! }
        type Team { id: ID! name: String! budget(currency: String): String! }
        """,
        {
            "Query._entities": _entities,
            "Org.teams": lambda org, _: [{"__typename": "Team", "id": t} for t in TEAMS[org["id"]]],
            "Team.name": lambda team, _: f"team {team['id']}",
            "Team.budget": _budget,
        },
    )
    return {"orgs": orgs, "teams": teams}


async def run(query: str, clients: dict[str, FakeSubgraph]) -> dict[str, Any]:
    router = build_router(SUPERGRAPH, None, clients)
    result = await router.execute(GraphQLRequest(query=query))
    return result.body


async def test_each_entity_gets_the_value_of_the_object_it_was_reached_through() -> None:
    clients = subgraphs()
    body = await run("{ orgs { id teams { name budget } } }", clients)
    assert body == {
        "data": {
            "orgs": [
                {
                    "id": "o1",
                    "teams": [
                        {"name": "team t1", "budget": "t1 in EUR"},
                        {"name": "team t2", "budget": "t2 in EUR"},
                    ],
                },
                {"id": "o2", "teams": [{"name": "team t3", "budget": "t3 in USD"}]},
                {"id": "o3", "teams": [{"name": "team t4", "budget": "t4 in EUR"}]},
            ]
        }
    }
    # The currency comes with the organisations (orgs resolves it; teams has it @external), so teams is
    # called once, for the teams and their budgets, the currency read from each organisation.
    assert "currency" in clients["orgs"].requests[0].query
    (teams,) = clients["teams"].requests
    # Two currencies among the organisations: one aliased `_entities` per distinct value, each sent once.
    assert teams.query == (
        "query($representations_0:[_Any!]!,$representations_1:[_Any!]!,"
        "$contextualArgument_2_0_0:String,$contextualArgument_2_0_1:String)"
        "{_0:_entities(representations: $representations_0)"
        "{...on Org{teams{name budget(currency: $contextualArgument_2_0_0)}}} "
        "_1:_entities(representations: $representations_1)"
        "{...on Org{teams{name budget(currency: $contextualArgument_2_0_1)}}}}"
    )
    assert teams.variables == {
        "representations_0": [{"__typename": "Org", "id": o} for o in ("o1", "o3")],
        "contextualArgument_2_0_0": "EUR",
        "representations_1": [{"__typename": "Org", "id": "o2"}],
        "contextualArgument_2_0_1": "USD",
    }


async def test_entities_that_agree_share_one_variable() -> None:
    clients = subgraphs({"o1": "EUR", "o2": "EUR", "o3": "EUR"})
    body = await run("{ orgs { teams { budget } } }", clients)
    assert body["data"]["orgs"][1] == {"teams": [{"budget": "t3 in EUR"}]}
    (teams,) = clients["teams"].requests
    assert teams.query == (
        "query($representations:[_Any!]!,$contextualArgument_2_0:String)"
        "{_entities(representations: $representations)"
        "{...on Org{teams{budget(currency: $contextualArgument_2_0)}}}}"
    )
    assert teams.variables == {
        "representations": [{"__typename": "Org", "id": o} for o in ("o1", "o2", "o3")],
        "contextualArgument_2_0": "EUR",
    }


async def test_clients_cannot_pass_the_contextual_argument() -> None:
    body = await run('{ orgs { teams { budget(currency: "GBP") } } }', subgraphs())
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "currency" in body["errors"][0]["message"]


async def test_an_error_in_one_aliased_batch_points_at_the_entity_it_is_about() -> None:
    clients = subgraphs({"o1": "EUR", "o4": "USD"})
    body = await run("{ orgs { teams { budget } } }", clients)
    # o4 (USD, with t-broken) is alone in the second alias (`_1`): the error the subgraph reports at
    # `_1.0.teams.0.budget` is repathed to where the client sees it.
    assert [error["path"] for error in body["errors"]] == [["orgs", 1, "teams", 0, "budget"]]
    # Every field on the way up is non-null, so the null reaches the root (spec: Handling Field Errors).
    assert body["data"] is None
    assert clients["teams"].requests[-1].variables["representations_1"] == [{"__typename": "Org", "id": "o4"}]


# A context set on a union: the value is read with a type condition per member.
DIRECTORY_SDL = (
    FED
    + """
type Query { owners: [Owner!]! }
union Owner @context(name: "owner") = Person | Company
type Person @key(fields: "id") { id: ID! email: String! contact: Contact! }
type Company @key(fields: "id") { id: ID! domain: String! contact: Contact! }
type Contact @key(fields: "id") {
  id: ID!
  handle(of: String @fromContext(field: "$owner ... on Person { email } ... on Company { domain }")): String!
}
"""
)


def directory() -> FakeSubgraph:
    owners = [
        {"__typename": "Person", "id": "p1", "email": "ada@example.org"},
        {"__typename": "Company", "id": "c1", "domain": "example.com"},
    ]
    return FakeSubgraph(
        """
        scalar _Any
        union Owner = Person | Company
        union _Entity = Person | Company | Contact
        type Query { owners: [Owner!]! _entities(representations: [_Any!]!): [_Entity]! }
        type Person { id: ID! email: String! contact: Contact! }
        type Company { id: ID! domain: String! contact: Contact! }
        type Contact { id: ID! handle(of: String): String! }
        """,
        {
            "Query.owners": lambda *_: owners,
            "Query._entities": _entities,
            "Person.contact": lambda person, _: {"__typename": "Contact", "id": f"k-{person['id']}"},
            "Company.contact": lambda company, _: {"__typename": "Contact", "id": f"k-{company['id']}"},
            "Contact.handle": lambda contact, _, of=None: f"{contact['id']} is {of}",
        },
    )


async def test_a_context_on_a_union_reads_the_member_the_object_is() -> None:
    client = directory()
    router = build_router(supergraph(directory=DIRECTORY_SDL), None, {"directory": client})
    query = "{ owners { ... on Person { contact { handle } } ... on Company { contact { handle } } } }"
    body = (await router.execute(GraphQLRequest(query=query))).body
    assert body == {
        "data": {
            "owners": [
                {"contact": {"handle": "k-p1 is ada@example.org"}},
                {"contact": {"handle": "k-c1 is example.com"}},
            ]
        }
    }
    # The owners' email and domain come with the owners; each contact gets its owner's value.
    assert "email" in client.requests[0].query and "domain" in client.requests[0].query
    assert client.requests[1].variables == {
        "representations_0": [{"__typename": "Contact", "id": "k-p1"}],
        "representations_1": [{"__typename": "Contact", "id": "k-c1"}],
        "contextualArgument_1_0_0": "ada@example.org",
        "contextualArgument_1_0_1": "example.com",
    }


async def test_a_context_on_the_query_type_is_read_from_the_response_root() -> None:
    sdl = supergraph(
        shop=FED
        + """
type Query @context(name: "top") { me: User! products: [Product!]! }
type User @key(fields: "id") { id: ID! locale: String! }
type Product @key(fields: "id") {
  id: ID!
  price(locale: String @fromContext(field: "$top { me { locale } }")): String!
}
"""
    )
    shop = FakeSubgraph(
        """
        scalar _Any
        union _Entity = User | Product
        type Query { me: User! products: [Product!]! _entities(representations: [_Any!]!): [_Entity]! }
        type User { id: ID! locale: String! }
        type Product { id: ID! price(locale: String): String! }
        """,
        {
            "Query.me": lambda *_: {"__typename": "User", "id": "u1", "locale": "fr-FR"},
            "Query.products": lambda *_: [{"__typename": "Product", "id": p} for p in ("p1", "p2")],
            "Query._entities": _entities,
            "Product.price": lambda product, _, locale=None: f"{product['id']} priced for {locale}",
        },
    )
    router = build_router(sdl, None, {"shop": shop})
    body = (await router.execute(GraphQLRequest(query="{ products { price } }"))).body
    assert body == {
        "data": {"products": [{"price": "p1 priced for fr-FR"}, {"price": "p2 priced for fr-FR"}]}
    }
    assert shop.requests[1].variables == {
        "representations": [{"__typename": "Product", "id": "p1"}, {"__typename": "Product", "id": "p2"}],
        "contextualArgument_1_0": "fr-FR",
    }
