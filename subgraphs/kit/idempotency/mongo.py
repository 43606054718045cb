"""The idempotency records of a subgraph on MongoDB (contacts, files): one collection, unique per key."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pymongo import ASCENDING
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from subgraphs.kit.idempotency.store import Claim, KeyRecord

Document = dict[str, Any]


class MongoIdempotencyStore:
    """Records `{owner, key, fingerprint, token, response, created_at, expires_at}` in `collection`.

    A unique index on (owner, key) decides between concurrent claims; a TTL index lets the server drop
    expired records too (`sweep` does it as well, for servers without TTL monitors).
    """

    def __init__(self, collection: AsyncCollection[Document]) -> None:
        self.collection = collection

    async def ensure_indexes(self) -> None:
        """Call at start-up (idempotent)."""
        await self.collection.create_index([("owner", ASCENDING), ("key", ASCENDING)], unique=True)
        await self.collection.create_index("expires_at", expireAfterSeconds=0)

    async def claim(self, claim: Claim, *, stale_before: datetime) -> KeyRecord | None:
        this = {"owner": claim.owner, "key": claim.key}
        if await self._inserted(claim):
            return None
        # The key is held; an expired record, or one whose request died, gives way to this claim.
        replaced = await self.collection.delete_one(
            {
                **this,
                "$or": [
                    {"expires_at": {"$lte": claim.created_at}},
                    {"response": None, "created_at": {"$lt": stale_before}},
                ],
            }
        )
        if replaced.deleted_count and await self._inserted(claim):
            return None
        found = await self.collection.find_one(this, {"fingerprint": 1, "response": 1})
        if found is None:
            # Released between our insert and this read: the caller claims again.
            return KeyRecord(fingerprint=claim.fingerprint, response=None)
        return KeyRecord(fingerprint=found["fingerprint"], response=found["response"])

    async def _inserted(self, claim: Claim) -> bool:
        try:
            await self.collection.insert_one(
                {
                    "owner": claim.owner,
                    "key": claim.key,
                    "fingerprint": claim.fingerprint,
                    "token": claim.token,
                    "response": None,
                    "created_at": claim.created_at,
                    "expires_at": claim.expires_at,
                }
            )
        except DuplicateKeyError:
            return False
        return True

    async def complete(self, owner: str, key: str, token: str, response: str) -> None:
        await self.collection.update_one(
            {"owner": owner, "key": key, "token": token}, {"$set": {"response": response}}
        )

    async def release(self, owner: str, key: str, token: str) -> None:
        await self.collection.delete_one({"owner": owner, "key": key, "token": token, "response": None})

    async def sweep(self, now: datetime) -> int:
        deleted = await self.collection.delete_many({"expires_at": {"$lte": now}})
        return deleted.deleted_count
