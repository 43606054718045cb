"""The search GraphQL subgraph: `search(query, types, first, after)`, hits whose items are the other
subgraphs' entities (Application, Interview, Contact, User), resolved by them through their keys."""

from __future__ import annotations

import enum
from typing import Annotated

import strawberry
from strawberry.federation.schema_directives import Cost, Key
from strawberry.federation.types import FieldSet
from strawberry.types import Info

from subgraphs.kit.pagination import PAGE_SIZE, PageInfo
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.search import models
from subgraphs.search.context import caller, service
from subgraphs.search.highlight import highlights


@strawberry.enum(description="The kinds of item search finds.")
class SearchType(enum.Enum):
    APPLICATION = "APPLICATION"
    INTERVIEW = "INTERVIEW"
    CONTACT = "CONTACT"
    PERSON = "PERSON"


# Entity references: search knows only the key; each type's own subgraph resolves its fields.
_REFERENCE = Key(fields=FieldSet("id"), resolvable=False)


@strawberry.federation.type(keys=[_REFERENCE], description="Owned by the applications subgraph.")
class Application:
    id: strawberry.ID


@strawberry.federation.type(keys=[_REFERENCE], description="Owned by the interviews subgraph.")
class Interview:
    id: strawberry.ID


@strawberry.federation.type(keys=[_REFERENCE], description="Owned by the contacts subgraph.")
class Contact:
    id: strawberry.ID


@strawberry.federation.type(keys=[_REFERENCE], description="Owned by the users subgraph.")
class User:
    id: strawberry.ID


SearchResult = Annotated[Application | Interview | Contact | User, strawberry.union("SearchResult")]

_ITEM_TYPES: dict[models.SearchType, type[Application | Interview | Contact | User]] = {
    models.SearchType.APPLICATION: Application,
    models.SearchType.INTERVIEW: Interview,
    models.SearchType.CONTACT: Contact,
    models.SearchType.PERSON: User,
}


@strawberry.type(description="Where a hit matched: the field's text with the matched words in <mark>.")
class Highlight:
    field: str
    snippet: str = strawberry.field(description="HTML-escaped text; matched words wrapped in <mark></mark>.")


@strawberry.type
class SearchHit:
    score: float = strawberry.field(
        description="Relevance: higher is better (only comparable within a search)."
    )
    highlights: list[Highlight]
    item: SearchResult


@strawberry.type
class SearchEdge:
    cursor: str
    node: SearchHit


@strawberry.type(description="How many hits of each type the words find, whatever `types` was asked for.")
class SearchFacet:
    type: SearchType
    count: int


@strawberry.type
class SearchConnection:
    edges: list[SearchEdge]
    page_info: PageInfo
    total_count: int
    facets: list[SearchFacet]


def _hit(hit: models.Hit, query: models.ParsedQuery) -> SearchHit:
    document = hit.document
    return SearchHit(
        score=hit.score,
        highlights=[
            Highlight(field=found.field, snippet=found.snippet)
            for found in highlights(document.fields, query)
        ],
        item=_ITEM_TYPES[document.type](id=strawberry.ID(document.id)),
    )


@strawberry.type
class Query:
    @strawberry.field(
        description="Your applications, interviews and contacts and people's public profiles matching the "
        'words: in any order, prefixes, one typo in longer words, "quoted phrases"; best first.',
        # An index query (ranking, typos, facets) costs more than the lookup an object stands for.
        directives=[PAGE_SIZE, Cost(weight=5)],
    )
    async def search(
        self,
        info: Info,
        query: str,
        types: list[SearchType] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> SearchConnection:
        user_id = caller(info)
        kinds = [models.SearchType(kind.value) for kind in types] if types else None
        page = await service(info).search(user_id, query, kinds, first, after)
        edges = [SearchEdge(cursor=cursor, node=_hit(hit, page.query)) for cursor, hit in page.hits]
        return SearchConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next_page, end_cursor=edges[-1].cursor if edges else None
            ),
            total_count=page.total_count,
            facets=[
                SearchFacet(type=SearchType(kind.value), count=page.facets[kind])
                for kind in models.SearchType
            ],
        )


schema = SubgraphSchema(query=Query, types=[Application, Interview, Contact, User])
