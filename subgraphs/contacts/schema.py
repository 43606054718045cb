"""The contacts GraphQL subgraph: Contact (linked to a registered person when the email matches), queries,
mutations."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from subgraphs.contacts import models
from subgraphs.contacts.context import caller, loaders, service
from subgraphs.contacts.models import CreateContact, NameKey, UpdateContact
from subgraphs.kit.keep import kept
from subgraphs.kit.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.kit.scopes import CONTACTS_READ, scoped


# The users subgraph defines the same value type: identical and @shareable, so they compose.
@strawberry.federation.type(shareable=True, description="A labelled link on a profile or a contact.")
class Link:
    label: str
    url: str


@strawberry.input
class LinkInput:
    label: str
    url: str

    def to_link(self) -> models.Link:
        return models.Link(label=self.label, url=self.url)


@strawberry.federation.type(keys=["id"], description="A person, owned by the users subgraph.")
class User:
    id: strawberry.ID


@strawberry.federation.type(keys=["id"], description="Someone in your professional network.")
class Contact:
    id: strawberry.ID
    name: str
    position: str | None
    company: str | None
    email: str | None
    phone: str | None
    links: list[Link]
    notes: str | None
    created_at: datetime
    updated_at: datetime
    linked_user_id: strawberry.Private[str | None]

    @strawberry.field(description="The registered person with this contact's email, if there is one.")
    def linked_user(self) -> User | None:
        return User(id=strawberry.ID(self.linked_user_id)) if self.linked_user_id else None

    @classmethod
    def of(cls, contact: models.Contact) -> Contact:
        return cls(
            id=strawberry.ID(contact.id),
            name=contact.name,
            position=contact.position,
            company=contact.company,
            email=contact.email,
            phone=contact.phone,
            links=[Link(label=link.label, url=link.url) for link in contact.links],
            notes=contact.notes,
            created_at=contact.created_at,
            updated_at=contact.updated_at,
            linked_user_id=contact.linked_user_id,
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> Contact | None:
        # Only the caller's own contacts resolve; anyone else's is null, so ids cannot be probed.
        found = await loaders(info).contact.load(str(id))
        return cls.of(found) if found is not None else None


@strawberry.input
class CreateContactInput:
    name: str
    position: str | None = None
    company: str | None = None
    email: str | None = strawberry.field(
        default=None, description="Links the contact to the registered person with this email."
    )
    phone: str | None = None
    links: list[LinkInput] | None = None
    notes: str | None = None

    def to_command(self) -> CreateContact:
        return CreateContact(
            name=self.name,
            position=self.position,
            company=self.company,
            email=self.email,
            phone=self.phone,
            links=tuple(link.to_link() for link in self.links or ()),
            notes=self.notes,
        )


@strawberry.input(description="Fields left out stay as they are; null clears the optional ones.")
class UpdateContactInput:
    name: str | None = strawberry.UNSET
    position: str | None = strawberry.UNSET
    company: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    links: list[LinkInput] | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET

    def to_command(self) -> UpdateContact:
        links = kept(self.links)
        return UpdateContact(
            name=kept(self.name),
            position=kept(self.position),
            company=kept(self.company),
            email=kept(self.email),
            phone=kept(self.phone),
            links=tuple(link.to_link() for link in links) if isinstance(links, list) else links,
            notes=kept(self.notes),
        )


def _cursor(contact: models.Contact) -> str:
    return encode_cursor(contact.sort_key, contact.id)


def _after(cursor: str | None) -> NameKey | None:
    if cursor is None:
        return None
    sort_key, contact_id = decode_cursor(cursor)
    return NameKey(sort_key, contact_id)


@strawberry.type
class Query:
    @strawberry.field(
        description="One of your contacts; null if there is none with this id.",
        extensions=scoped(CONTACTS_READ),
    )
    async def contact(self, info: Info, id: strawberry.ID) -> Contact | None:
        found = await loaders(info).contact.load(str(id))
        return Contact.of(found) if found is not None else None

    @strawberry.field(
        description="Your contacts by name; `search` looks in name, company and position.",
        extensions=scoped(CONTACTS_READ),
    )
    async def contacts(
        self, info: Info, search: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[Contact]:
        user_id = caller(info)
        size = page_size(first)
        page = await service(info).find(user_id, search, size, _after(after))
        return connection(
            page.items,
            node=Contact.of,
            cursor=_cursor,
            has_next_page=page.has_next_page,
            total_count=page.total_count,
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Save a contact; linked at once if the email is a registered person's.",
        extensions=scoped(),
    )
    async def create_contact(self, info: Info, input: CreateContactInput) -> Contact:
        return Contact.of(await service(info).create(caller(info), input.to_command()))

    @strawberry.mutation(
        description="Change a contact; a new email decides the link again.", extensions=scoped()
    )
    async def update_contact(self, info: Info, id: strawberry.ID, input: UpdateContactInput) -> Contact:
        return Contact.of(await service(info).update(caller(info), str(id), input.to_command()))

    @strawberry.mutation(description="Delete a contact; returns its id.", extensions=scoped())
    async def delete_contact(self, info: Info, id: strawberry.ID) -> strawberry.ID:
        deleted = await service(info).delete(caller(info), str(id))
        return strawberry.ID(deleted.id)


schema = SubgraphSchema(
    query=Query,
    mutation=Mutation,
    types=[Contact, User, Link],
)
