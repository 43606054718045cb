"""The users GraphQL subgraph: User, sign-up and sign-in, profiles, the "interested in" list and partner API
tokens."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from subgraphs.kit import validation
from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.pagination import Connection, connection, decode_cursor, encode_cursor, page_size
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.kit.scopes import PARTNER_SCOPES, PROFILE_READ, scoped
from subgraphs.users import models
from subgraphs.users.context import context_of
from subgraphs.users.service import NewApiToken, Session

MAX_SKILLS = 50
MAX_LINKS = 20


# Contacts have links too: a shared value type must be @shareable to compose.
@strawberry.federation.type(shareable=True, description="A labelled link on a profile or a contact.")
class Link:
    label: str
    url: str


@strawberry.federation.type(
    keys=["id"],
    description="A registered person's profile (seen by signed-in people). `email` and `phone` are private: "
    "null for everyone but the person unless they show them "
    "(`updateProfile(input: {showEmail, showPhone})`).",
)
class User:
    # Not scoped field by field: the profile comes back to an anonymous caller from `login` and `register`.
    # Partners reach a User only through fields that need a scope (`me`, `user`, `users`: profile:read;
    # `Contact.linkedUser`: contacts:read), so those fields are the profile's gate.
    id: strawberry.ID
    name: str
    email: str | None = strawberry.field(
        description="The person's email: always for themselves, for others only when `showEmail` is on."
    )
    phone: str | None = strawberry.field(
        description="The person's phone: always for themselves, for others only when `showPhone` is on."
    )
    show_email: bool = strawberry.field(description="Whether signed-in people see this person's email.")
    show_phone: bool = strawberry.field(description="Whether signed-in people see this person's phone.")
    headline: str | None = strawberry.field(description="Current position or what they are looking for.")
    location: str | None
    skills: list[str]
    links: list[Link]
    created_at: datetime

    @strawberry.field(description="The people this person keeps an eye on.")
    async def interested_in(self, info: Info) -> list[User]:
        context = context_of(info)
        context.require_user()
        viewer = context.require_user()
        ids = await context.loaders.interests.load(str(self.id))
        found = await context.loaders.user.load_many(ids)
        return [User.of(user, viewer) for user in found if user is not None]

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> User | None:
        context = context_of(info)
        viewer = context.require_user()
        user = await context.loaders.user.load(str(id))
        return cls.of(user, viewer) if user else None

    @classmethod
    def of(cls, user: models.User, viewer: str | None) -> User:
        """The profile as `viewer` (a user id) sees it: private fields only for the person themselves."""
        return cls(
            id=strawberry.ID(user.id),
            name=user.name,
            email=user.email_for(viewer),
            phone=user.phone_for(viewer),
            show_email=user.show_email,
            show_phone=user.show_phone,
            headline=user.headline,
            location=user.location,
            skills=list(user.skills),
            links=[Link(label=link.label, url=link.url) for link in user.links],
            created_at=user.created_at,
        )


@strawberry.type(description="A signed-in session: a short-lived access token and a rotating refresh token.")
class AuthPayload:
    token: str = strawberry.field(description="Send as `Authorization: Bearer <token>`; valid 15 minutes.")
    refresh_token: str = strawberry.field(description="Trade for a new pair with `refreshToken`; single use.")
    user: User


@strawberry.type(description="A partner API token (its secret is shown only by `createApiToken`).")
class ApiToken:
    id: strawberry.ID
    name: str
    scopes: list[str] = strawberry.field(description="What the token may do, e.g. `applications:read`.")
    expires_at: datetime
    last_used_at: datetime | None = strawberry.field(
        description="When a request last used it (recorded at most once a minute)."
    )
    created_at: datetime

    @classmethod
    def of(cls, token: models.ApiToken) -> ApiToken:
        return cls(
            id=strawberry.ID(token.id),
            name=token.name,
            scopes=list(token.scopes),
            expires_at=token.expires_at,
            last_used_at=token.last_used_at,
            created_at=token.created_at,
        )


@strawberry.type(description="A new API token: keep `token` now, it is never shown again.")
class CreateApiTokenPayload:
    token: str = strawberry.field(description="The secret: send as `Authorization: Bearer <token>`.")
    api_token: ApiToken


@strawberry.input
class CreateApiTokenInput:
    name: str = strawberry.field(description="What the token is for, e.g. the partner's name.")
    scopes: list[str] = strawberry.field(description=f"What it may do: any of {', '.join(PARTNER_SCOPES)}.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="When it stops working: at most a year away (default: in 90 days)."
    )


@strawberry.input
class RegisterInput:
    email: str
    password: str = strawberry.field(description="At least 8 characters.")
    name: str


@strawberry.input
class LoginInput:
    email: str
    password: str


@strawberry.input
class LinkInput:
    label: str
    url: str


@strawberry.input(description="Only the fields given change; `null` clears phone, headline or location.")
class UpdateProfileInput:
    name: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    headline: str | None = strawberry.UNSET
    location: str | None = strawberry.UNSET
    skills: list[str] | None = strawberry.UNSET
    links: list[LinkInput] | None = strawberry.UNSET
    show_email: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Show your email to signed-in people (default: hidden)."
    )
    show_phone: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Show your phone to signed-in people (default: hidden)."
    )


@strawberry.type
class Query:
    @strawberry.field(
        description="The signed-in person (or the one a partner's API token with `profile:read` acts for).",
        extensions=scoped(PROFILE_READ),
    )
    async def me(self, info: Info) -> User | None:
        context = context_of(info)
        viewer = context.require_user()
        user = await context.loaders.user.load(viewer)
        return User.of(user, viewer) if user else None

    @strawberry.field(extensions=scoped(PROFILE_READ))
    async def user(self, info: Info, id: strawberry.ID) -> User | None:
        context = context_of(info)
        viewer = context.require_user()
        user = await context.loaders.user.load(str(id))
        return User.of(user, viewer) if user else None

    @strawberry.field(
        description="People whose name contains `search`, by name.", extensions=scoped(PROFILE_READ)
    )
    async def users(
        self, info: Info, search: str, first: int | None = None, after: str | None = None
    ) -> Connection[User]:
        context = context_of(info)
        viewer = context.require_user()
        limit = page_size(first)
        cursor = decode_cursor(after) if after else None
        found, total = await context.service.search(search, after=cursor, limit=limit + 1)
        return connection(
            found[:limit],
            node=lambda user: User.of(user, viewer),
            cursor=lambda user: encode_cursor(user.name.lower(), user.id),
            has_next_page=len(found) > limit,
            total_count=total,
        )

    @strawberry.field(description="Your partner API tokens, newest first.", extensions=scoped())
    async def api_tokens(self, info: Info) -> list[ApiToken]:
        context = context_of(info)
        return [ApiToken.of(token) for token in await context.service.api_tokens_of(context.require_user())]


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create an account and sign in (a limited number per client address).")
    async def register(self, info: Info, input: RegisterInput) -> AuthPayload:
        context = context_of(info)
        try:
            session = await context.service.register(
                input.email, input.password, input.name, client=context.client_address
            )
        except BadUserInput as error:
            raise BadUserInput(str(error), field=f"input.{error.field}") from error
        return _payload(session)

    @strawberry.mutation(description="Sign in with email and password.")
    async def login(self, info: Info, input: LoginInput) -> AuthPayload:
        context = context_of(info)
        return _payload(
            await context.service.login(input.email, input.password, client=context.client_address)
        )

    @strawberry.mutation(description="Trade a refresh token for a new access and refresh token.")
    async def refresh_token(self, info: Info, token: str) -> AuthPayload:
        return _payload(await context_of(info).service.refresh(token))

    @strawberry.mutation(description="Change the signed-in person's profile.", extensions=scoped())
    async def update_profile(self, info: Info, input: UpdateProfileInput) -> User:
        context = context_of(info)
        viewer = context.require_user()
        user = await context.service.update_profile(viewer, _changes(input), client=context.client_address)
        return User.of(user, viewer)

    @strawberry.mutation(
        description="Add someone to the people the signed-in person is interested in.", extensions=scoped()
    )
    async def add_interest(self, info: Info, user_id: strawberry.ID) -> User:
        context = context_of(info)
        viewer = context.require_user()
        return User.of(await context.service.add_interest(viewer, str(user_id)), viewer)

    @strawberry.mutation(
        description="Remove someone from that list (a no-op if they are not on it).", extensions=scoped()
    )
    async def remove_interest(self, info: Info, user_id: strawberry.ID) -> User:
        context = context_of(info)
        viewer = context.require_user()
        return User.of(await context.service.remove_interest(viewer, str(user_id)), viewer)

    @strawberry.mutation(
        description="Delete the signed-in person's account and everything every part of jobgraph holds about "
        "them (erased through the `user.deleted` event); `password` confirms it. Returns true.",
        extensions=scoped(),
    )
    async def delete_my_account(self, info: Info, password: str) -> bool:
        context = context_of(info)
        viewer = context.require_user()
        await context.service.delete_account(viewer, password, client=context.client_address)
        return True

    @strawberry.mutation(
        description="A partner API token acting for you with the scopes you grant; only you can create one "
        "(not another token).",
        extensions=scoped(),
    )
    async def create_api_token(self, info: Info, input: CreateApiTokenInput) -> CreateApiTokenPayload:
        context = context_of(info)
        created: NewApiToken = await context.service.create_api_token(
            context.require_user(), input.name, input.scopes, input.expires_at
        )
        return CreateApiTokenPayload(token=created.secret, api_token=ApiToken.of(created.token))

    @strawberry.mutation(
        description="Revoke one of your API tokens: the router refuses it within 30 seconds.",
        extensions=scoped(),
    )
    async def revoke_api_token(self, info: Info, id: strawberry.ID) -> strawberry.ID:
        context = context_of(info)
        await context.service.revoke_api_token(context.require_user(), str(id))
        return id


def _payload(session: Session) -> AuthPayload:
    user = User.of(session.user, session.user.id)  # the person signing in sees their own profile
    return AuthPayload(token=session.token, refresh_token=session.refresh_token, user=user)


def _changes(data: UpdateProfileInput) -> models.ProfileChanges:
    """Validate `updateProfile`'s input; every failure names its field (`input.<name>`)."""
    cleared: set[str] = set()

    def given(value: object) -> bool:
        return value is not strawberry.UNSET

    for required in ("name", "email", "show_email", "show_phone"):
        if given(getattr(data, required)) and getattr(data, required) is None:
            raise BadUserInput("cannot be cleared", field=f"input.{required}")
    for optional in ("phone", "headline", "location"):
        if given(getattr(data, optional)) and getattr(data, optional) is None:
            cleared.add(optional)
    skills: tuple[str, ...] | None = None
    if given(data.skills):
        items = data.skills or []
        if len(items) > MAX_SKILLS:
            raise BadUserInput(f"at most {MAX_SKILLS} skills", field="input.skills")
        cleaned = [
            validation.text(s, f"input.skills.{i}", min_length=1, max_length=50) for i, s in enumerate(items)
        ]
        skills = tuple(dict.fromkeys(cleaned))  # first occurrence wins, order kept
    links: tuple[models.Link, ...] | None = None
    if given(data.links):
        items_links = data.links or []
        if len(items_links) > MAX_LINKS:
            raise BadUserInput(f"at most {MAX_LINKS} links", field="input.links")
        links = tuple(
            models.Link(
                label=validation.text(link.label, f"input.links.{i}.label", min_length=1, max_length=50),
                url=validation.url(link.url, f"input.links.{i}.url"),
            )
            for i, link in enumerate(items_links)
        )
    return models.ProfileChanges(
        name=validation.text(data.name, "input.name", min_length=1, max_length=100) if data.name else None,
        email=validation.email(data.email, "input.email") if data.email else None,
        phone=validation.phone(data.phone, "input.phone") if data.phone else None,
        headline=validation.optional_text(data.headline, "input.headline", max_length=120)
        if data.headline
        else None,
        location=validation.optional_text(data.location, "input.location", max_length=120)
        if data.location
        else None,
        skills=skills,
        links=links,
        show_email=data.show_email if given(data.show_email) else None,
        show_phone=data.show_phone if given(data.show_phone) else None,
        cleared=frozenset(cleared),
    )


schema = SubgraphSchema(query=Query, mutation=Mutation, types=[User])
