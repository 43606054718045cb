"""The production search index: OpenSearch through opensearch-py's async client.

Documents live in versioned indices (`<alias>-v<n>`) behind an alias; start-up creates the first one with
the mappings and the `jobgraph` analyzer (standard tokenizer, lowercase, ASCII folding, Porter2 English
stems: the same terms tantivy makes). Writes carry the document's version (`version_type=external_gte`),
so a replica holding older text can never overwrite newer text another one wrote.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from opensearchpy import AsyncOpenSearch
from opensearchpy.exceptions import NotFoundError, RequestError

from subgraphs.search.analysis import ANALYZER_NAME, fold
from subgraphs.search.models import (
    PRIMARY_BOOST,
    Document,
    Hit,
    ParsedQuery,
    SearchPage,
    SearchRequest,
    SearchType,
)
from subgraphs.search.query import FUZZY_MIN_LENGTH
from subgraphs.search.service import MAX_OFFSET
from subgraphs.search.store import SearchIndex

# Every call to OpenSearch gives up after this many seconds (DESIGN: every network edge has timeouts).
REQUEST_TIMEOUT = 10
_TEXT_FIELDS = (("primary", PRIMARY_BOOST), ("secondary", 1.0))
# Documents read per request when all of them are read.
PAGE = 1_000

SETTINGS: dict[str, Any] = {
    "analysis": {
        "filter": {"jobgraph_stemmer": {"type": "stemmer", "language": "porter2"}},
        "analyzer": {
            ANALYZER_NAME: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "jobgraph_stemmer"],
            }
        },
    },
    # Pages deeper than the service allows are refused before they get here.
    "max_result_window": MAX_OFFSET + 200,
}
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "key": {"type": "keyword"},
        "type": {"type": "keyword"},
        "owner": {"type": "keyword"},
        "parent": {"type": "keyword"},
        "live": {"type": "boolean"},
        "primary": {"type": "text", "analyzer": ANALYZER_NAME},
        "secondary": {"type": "text", "analyzer": ANALYZER_NAME},
        # The document itself, returned with hits but never indexed.
        "source": {"type": "object", "enabled": False},
    },
}


def _body(document: Document) -> dict[str, Any]:
    return {
        "key": document.key,
        "type": document.type.value,
        "owner": document.owner_id,
        "parent": document.parent_id,
        "live": not document.deleted,
        "primary": document.primary_text,
        "secondary": document.secondary_text,
        "source": document.to_source(),
    }


class OpenSearchIndex:
    """`SearchIndex` on OpenSearch: served through `alias`, or (a generation) one concrete index."""

    def __init__(
        self, url: str, *, alias: str, client: AsyncOpenSearch | None = None, concrete: str | None = None
    ) -> None:
        self.alias = alias
        self.client = client or AsyncOpenSearch(
            hosts=[url], timeout=REQUEST_TIMEOUT, max_retries=2, retry_on_timeout=True
        )
        self.url = url
        # Where reads and writes go: the alias, or a generation's own index until it is promoted.
        self._target = concrete or alias

    async def start(self) -> None:
        if self._target != self.alias or await self.client.indices.exists_alias(name=self.alias):
            return
        first = f"{self.alias}-v1"
        await self._create(first)
        await self.client.indices.put_alias(index=first, name=self.alias)

    async def _create(self, name: str) -> None:
        try:
            await self.client.indices.create(index=name, body={"settings": SETTINGS, "mappings": MAPPINGS})
        except RequestError as error:
            # Another replica created it first.
            if error.error != "resource_already_exists_exception":
                raise

    async def close(self) -> None:
        if self._target == self.alias:
            await self.client.close()

    async def get_many(self, keys: Sequence[str]) -> dict[str, Document]:
        if not keys:
            return {}
        response = await self.client.mget(index=self._target, body={"ids": list(keys)})
        return {
            found["_id"]: Document.from_source(found["_source"]["source"])
            for found in response["docs"]
            if found.get("found")
        }

    async def children(self, parent_id: str) -> list[Document]:
        query = {"bool": {"filter": [{"term": {"parent": parent_id}}, {"term": {"live": True}}]}}
        response = await self.client.search(
            index=self._target, body={"query": query, "size": MAX_OFFSET, "sort": [{"key": "asc"}]}
        )
        return [Document.from_source(hit["_source"]["source"]) for hit in response["hits"]["hits"]]

    async def write(self, documents: Sequence[Document]) -> list[str]:
        if not documents:
            return []
        operations: list[dict[str, Any]] = []
        for document in documents:
            action = {"_index": self._target, "_id": document.key, "version": document.version}
            operations += [{"index": {**action, "version_type": "external_gte"}}, _body(document)]
        response = await self.client.bulk(body=operations, refresh="wait_for")
        conflicts = []
        for item in response["items"]:
            result = item["index"]
            if result.get("status") == 409:
                conflicts.append(result["_id"])
            elif result.get("error"):
                raise RuntimeError(f"OpenSearch refused document {result['_id']}: {result['error']}")
        return conflicts

    async def search(self, request: SearchRequest) -> SearchPage:
        access = {
            "bool": {
                "filter": [{"term": {"live": True}}],
                "should": [
                    {"term": {"owner": request.caller_id}},
                    {"term": {"type": SearchType.PERSON.value}},
                ],
                "minimum_should_match": 1,
            }
        }
        body = {
            "query": {"bool": {"must": _matches(request.query), "filter": [access]}},
            # Facets count the words' hits of every type; the hits and total are of the requested types.
            "post_filter": {"terms": {"type": sorted(kind.value for kind in request.types)}},
            "aggs": {"types": {"terms": {"field": "type", "size": len(SearchType)}}},
            "sort": [{"_score": "desc"}, {"key": "asc"}],
            "from": request.offset,
            "size": request.limit,
            "track_total_hits": True,
        }
        response = await self.client.search(index=self._target, body=body)
        counts = {
            bucket["key"]: bucket["doc_count"] for bucket in response["aggregations"]["types"]["buckets"]
        }
        hits = [
            Hit(Document.from_source(hit["_source"]["source"]), float(hit["_score"] or 0.0))
            for hit in response["hits"]["hits"]
        ]
        return SearchPage(
            hits=hits,
            total_count=int(response["hits"]["total"]["value"]),
            facets={kind: int(counts.get(kind.value, 0)) for kind in SearchType},
        )

    async def all_documents(self) -> AsyncIterator[list[Document]]:
        after: list[str] | None = None
        while True:
            body: dict[str, Any] = {"query": {"match_all": {}}, "size": PAGE, "sort": [{"key": "asc"}]}
            if after is not None:
                body["search_after"] = after
            hits = (await self.client.search(index=self._target, body=body))["hits"]["hits"]
            if not hits:
                return
            yield [Document.from_source(hit["_source"]["source"]) for hit in hits]
            after = hits[-1]["sort"]

    async def new_generation(self) -> OpenSearchIndex:
        indices = await self._generations()
        number = 1 + max((int(name.rsplit("-v", 1)[1]) for name in indices), default=0)
        name = f"{self.alias}-v{number}"
        await self._create(name)
        return OpenSearchIndex(self.url, alias=self.alias, client=self.client, concrete=name)

    async def _generations(self) -> list[str]:
        try:
            found = await self.client.indices.get(index=f"{self.alias}-v*")
        except NotFoundError:
            return []
        return [name for name in found if name.rsplit("-v", 1)[-1].isdigit()]

    async def promote(self, generation: SearchIndex) -> None:
        assert isinstance(generation, OpenSearchIndex) and generation._target != self.alias
        served = list(await self.client.indices.get_alias(name=self.alias))
        actions: list[dict[str, Any]] = [{"remove": {"index": name, "alias": self.alias}} for name in served]
        actions.append({"add": {"index": generation._target, "alias": self.alias}})
        # One request: readers see the old index or the new one, never neither.
        await self.client.indices.update_aliases(body={"actions": actions})
        for name in served:
            await self.client.indices.delete(index=name)

    async def size_on_disk(self) -> int:
        stats = await self.client.indices.stats(index=self._target, metric="store")
        return int(stats.get("_all", {}).get("primaries", {}).get("store", {}).get("size_in_bytes", 0))


def _matches(query: ParsedQuery) -> list[dict[str, Any]]:
    """Every word (exactly, as a prefix, or with one typo) and every phrase, in some field."""
    clauses = [_word(word) for word in query.words if fold(word)]
    clauses += [_phrase(phrase) for phrase in query.phrases]
    return clauses or [{"match_none": {}}]


def _word(word: str) -> dict[str, Any]:
    folded = fold(word)
    fuzziness = 1 if len(folded) >= FUZZY_MIN_LENGTH else 0
    return {
        "dis_max": {
            "queries": [
                {
                    "bool": {
                        "should": [
                            {"match": {name: {"query": word, "fuzziness": fuzziness, "boost": boost}}},
                            {"prefix": {name: {"value": folded, "boost": boost}}},
                        ]
                    }
                }
                for name, boost in _TEXT_FIELDS
            ]
        }
    }


def _phrase(phrase: tuple[str, ...]) -> dict[str, Any]:
    text = " ".join(phrase)
    return {
        "dis_max": {
            "queries": [
                {"match_phrase": {name: {"query": text, "boost": boost}}} for name, boost in _TEXT_FIELDS
            ]
        }
    }
