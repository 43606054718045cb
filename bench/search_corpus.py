"""A synthetic job search of any size for the search benchmarks: applications, interviews, contacts and
people with realistic words, the same every run (seeded)."""

from __future__ import annotations

import random
from collections.abc import Iterator

from subgraphs.search.models import Document, SearchType

# fmt: off
COMPANIES = (
    "Initech",
    "Globex",
    "Hooli",
    "Umbrella",
    "Stark",
    "Wayne",
    "Acme",
    "Soylent",
    "Tyrell",
    "Cyberdyne",
    "Wonka",
    "Gringotts",
    "Massive",
    "Vandelay",
    "Pied Piper",
    "Aperture",
    "Black Mesa",
    "Oscorp",
)
POSITIONS = (
    "DevOps engineer",
    "Data engineer",
    "Backend developer",
    "Frontend developer",
    "Product manager",
    "Technical recruiter",
    "Data analyst",
    "Platform engineer",
    "Site reliability engineer",
    "Designer",
)
PLACES = ("Zürich", "Berlin", "Lisbon", "München", "Kraków", "Paris", "Remote", "London", "Malmö", "Genève")
WORDS = ("kubernetes", "python", "interviews", "team", "salary", "remote", "onsite", "culture", "benefits",
         "startup", "scale", "migration", "cloud", "terraform", "recruiter", "hiring", "manager", "rounds",
         "equity", "visa", "relocation", "contract", "permanent", "analytics", "pipelines", "postgres")
# fmt: on


def documents(count: int, owner_id: str, seed: int = 12) -> Iterator[Document]:
    """`count` documents owned by `owner_id` (people are their own owners): 60% applications, 10% interviews,
    20% contacts, 10% people."""
    chance = random.Random(seed)
    for number in range(count):
        slot = number % 10
        company, position, place = chance.choice(COMPANIES), chance.choice(POSITIONS), chance.choice(PLACES)
        text = " ".join(chance.choices(WORDS, k=chance.randint(8, 40)))
        if slot < 6:
            kind, fields = SearchType.APPLICATION, {
                "company": company, "position": position, "location": place, "description": text,
                "status": chance.choice(("SAVED", "APPLIED", "INTERVIEW", "OFFER")),
            }  # fmt: skip
        elif slot == 6:
            kind, fields = SearchType.INTERVIEW, {
                "company": company, "position": position, "type": "ONLINE", "details": text[:120],
            }  # fmt: skip
        elif slot < 9:
            kind, fields = SearchType.CONTACT, {
                "name": f"Person{number} {chance.choice(WORDS).title()}", "company": company,
                "position": position, "notes": text[:200],
            }  # fmt: skip
        else:
            kind, fields = SearchType.PERSON, {
                "name": f"Someone{number} {chance.choice(WORDS).title()}", "headline": position,
                "location": place, "skills": ", ".join(chance.sample(WORDS, 4)),
            }  # fmt: skip
        item_id = f"{kind.value.lower()}-{number}"
        yield Document(
            type=kind,
            id=item_id,
            owner_id=item_id if kind is SearchType.PERSON else owner_id,
            fields=fields,
            versions=dict.fromkeys(fields, 1),
        )
