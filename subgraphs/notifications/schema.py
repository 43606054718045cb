"""The notifications GraphQL subgraph: Notification, the User fields it adds, queries and mutations."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry
from strawberry.federation.schema_directives import Key
from strawberry.federation.types import FieldSet
from strawberry.types import Info

from subgraphs.kit.errors import Forbidden
from subgraphs.kit.keep import kept
from subgraphs.kit.pagination import (
    PAGE_SIZE,
    Connection,
    connection,
    decode_instant_cursor,
    encode_cursor,
    page_size,
)
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.notifications import models
from subgraphs.notifications.context import caller, live, loaders, service
from subgraphs.notifications.events import NOTIFICATION_CREATED, notification_from_event
from subgraphs.notifications.models import CreatedAtKey

NotificationKind = strawberry.enum(models.NotificationKind, description="What a notification is about.")

# Entities other subgraphs own, referenced by id only (this subgraph cannot resolve them).
_REFERENCE = [Key(fields=FieldSet("id"), resolvable=False)]


@strawberry.federation.type(keys=_REFERENCE, description="An interview, owned by the interviews subgraph.")
class Interview:
    id: strawberry.ID


@strawberry.federation.type(
    keys=_REFERENCE, description="An application, owned by the applications subgraph."
)
class Application:
    id: strawberry.ID


@strawberry.federation.type(keys=_REFERENCE, description="A contact, owned by the contacts subgraph.")
class Contact:
    id: strawberry.ID


@strawberry.federation.type(keys=["id"], description="Something the signed-in person should know about.")
class Notification:
    id: strawberry.ID
    kind: NotificationKind  # type: ignore[valid-type]
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None = strawberry.field(description="When it was marked read; null while unread.")
    interview_id: strawberry.Private[str | None]
    application_id: strawberry.Private[str | None]
    contact_id: strawberry.Private[str | None]

    @strawberry.field(description="The interview it is about, if any.")
    def interview(self) -> Interview | None:
        return None if self.interview_id is None else Interview(id=strawberry.ID(self.interview_id))

    @strawberry.field(description="The application it is about, if any.")
    def application(self) -> Application | None:
        return None if self.application_id is None else Application(id=strawberry.ID(self.application_id))

    @strawberry.field(description="The contact it is about, if any.")
    def contact(self) -> Contact | None:
        return None if self.contact_id is None else Contact(id=strawberry.ID(self.contact_id))

    @classmethod
    def of(cls, notification: models.Notification) -> Notification:
        return cls(
            id=strawberry.ID(notification.id),
            kind=notification.kind,
            title=notification.title,
            body=notification.body,
            created_at=notification.created_at,
            read_at=notification.read_at,
            interview_id=notification.interview_id,
            application_id=notification.application_id,
            contact_id=notification.contact_id,
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> Notification | None:
        found = await loaders(info).notification.load(str(id))
        return cls.of(found) if found is not None else None


@strawberry.type(description="How the person wants to be notified.")
class NotificationSettings:
    email_enabled: bool = strawberry.field(description="Reminders and news of contacts also go by email.")
    reminder_lead_minutes: list[int] = strawberry.field(
        description="Minutes before each interview a reminder comes (default a day and an hour)."
    )

    @classmethod
    def of(cls, settings: models.NotificationSettings) -> NotificationSettings:
        return cls(
            email_enabled=settings.email_enabled, reminder_lead_minutes=list(settings.reminder_lead_minutes)
        )


def _own(info: Info, user_id: str) -> str:
    """The caller's id when `user_id` is the caller; FORBIDDEN otherwise (these fields are private)."""
    me = caller(info)
    if user_id != me:
        raise Forbidden("only your own notifications")
    return me


@strawberry.federation.type(keys=["id"], description="A person, owned by the users subgraph.")
class User:
    id: strawberry.ID

    # Nullable, like every field one subgraph adds to another's entity (issue 9): on someone else's profile,
    # or with this subgraph down, only this field is null (with its error), not the whole person.
    @strawberry.field(description="How many of your notifications are unread; only for yourself (else null).")
    async def unread_notification_count(self, info: Info) -> int | None:
        return await service(info).unread_count(_own(info, str(self.id)))

    @strawberry.field(description="Your notification settings; only for yourself (else null).")
    async def notification_settings(self, info: Info) -> NotificationSettings | None:
        return NotificationSettings.of(await service(info).settings(_own(info, str(self.id))))

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> User:
        return cls(id=id)


@strawberry.input(description="Fields left out stay as they are.")
class UpdateNotificationSettingsInput:
    email_enabled: bool | None = strawberry.UNSET
    reminder_lead_minutes: list[int] | None = strawberry.field(
        default=strawberry.UNSET,
        description="1 to 5 distinct lead times of 1 to 10080 minutes; [] for no reminders.",
    )


def _cursor(notification: models.Notification) -> str:
    return encode_cursor(notification.created_at.isoformat(), notification.id)


def _after(cursor: str | None) -> CreatedAtKey | None:
    position = decode_instant_cursor(cursor)
    return CreatedAtKey(*position) if position is not None else None


@strawberry.type
class Query:
    @strawberry.field(description="Your notifications, newest first.", directives=[PAGE_SIZE])
    async def notifications(
        self, info: Info, unread_only: bool = False, first: int | None = None, after: str | None = None
    ) -> Connection[Notification]:
        user_id = caller(info)
        size = page_size(first)
        page = await service(info).find(user_id, unread_only, size, _after(after))
        return connection(
            page.items,
            node=Notification.of,
            cursor=_cursor,
            has_next_page=page.has_next_page,
            total_count=page.total_count,
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Mark your notifications read (all without ids); how many changed.")
    async def mark_notifications_read(self, info: Info, ids: list[strawberry.ID] | None = None) -> int:
        return await service(info).mark_read(
            caller(info), None if ids is None else [str(item) for item in ids]
        )

    @strawberry.mutation(description="Change how you are notified.")
    async def update_notification_settings(
        self, info: Info, input: UpdateNotificationSettingsInput
    ) -> NotificationSettings:
        updated = await service(info).update_settings(
            caller(info), kept(input.email_enabled), kept(input.reminder_lead_minutes)
        )
        return NotificationSettings.of(updated)


@strawberry.type
class Subscription:
    @strawberry.subscription(description="Your notifications, the moment they are created.")
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        user_id = caller(info)
        async for event in live(info).listen(user_id, [NOTIFICATION_CREATED]):
            yield Notification.of(notification_from_event(event))


schema = SubgraphSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Notification, User, Interview, Application, Contact],
)
