"""Users' use cases: validate, load, change, commit — with the event recorded in the same transaction."""

from __future__ import annotations

import asyncio
import hmac
import math
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit import validation
from subgraphs.kit.erasure import erase_outbox
from subgraphs.kit.errors import BadUserInput, Conflict, NotFound, RateLimited, Unauthenticated
from subgraphs.kit.events import EventEnvelope, record_event
from subgraphs.kit.keys import SigningKey
from subgraphs.users import api_tokens, store
from subgraphs.users.events import (
    PRODUCER,
    USER_DELETED,
    USER_REGISTERED,
    USER_UPDATED,
    deleted_data,
    user_data,
)
from subgraphs.users.models import ApiToken, ProfileChanges, User
from subgraphs.users.tokens import access_token, hash_refresh_token, new_refresh_token, signed_token

MIN_PASSWORD = 8
MAX_PASSWORD = 128
# The same answer for an unknown email and a wrong password, so sign-in cannot tell who is registered; an
# unknown email is verified against a dummy hash, so it takes as long as a wrong password does.
BAD_CREDENTIALS = "the email or password is wrong"
# Password guessing: after this many failed sign-ins for one email from one client address within the
# window, sign-in for that email from that address is refused (even with the right password) until the
# oldest failure leaves the window. Other addresses are not affected, so a stranger cannot lock the owner
# out; a guesser spreading over many addresses gets this many guesses per address per window.
MAX_FAILED_LOGINS = 10
FAILED_LOGIN_WINDOW = timedelta(minutes=15)
# One address guessing many emails: its failed sign-ins, whatever the email, within the same window.
MAX_CLIENT_FAILED_LOGINS = 50
# Every sign-in costs an Argon2 hash (64 MiB, tens of ms): attempts per client address, any outcome.
MAX_CLIENT_SIGN_INS = 100
# Sign-ups (and email changes, which tell the same thing: whether an email is taken) per client address.
MAX_CLIENT_SIGN_UPS = 20
SIGN_UP_WINDOW = timedelta(hours=1)
SIGN_IN, SIGN_UP = "sign_in", "sign_up"
# What the client address is when none is known (a call without the router, e.g. a test or a tool).
UNKNOWN_CLIENT = "unknown"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class NewApiToken:
    """A created API token: `secret` is shown this once."""

    secret: str
    token: ApiToken


@dataclass(frozen=True, slots=True)
class ExchangedToken:
    """What an API token is exchanged for: a JWT for the router to forward, and how long it is valid."""

    access_token: str
    expires_in: int


@dataclass(frozen=True, slots=True)
class Session:
    """What sign-up, sign-in and refresh hand back."""

    user: User
    token: str
    refresh_token: str


class UserService:
    """The users use cases over a session factory; each public method is one transaction."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        signing_key: SigningKey,
        *,
        clock: Callable[[], datetime] = utc_now,
        hasher: PasswordHasher | None = None,
        max_sign_ups: int = MAX_CLIENT_SIGN_UPS,
    ) -> None:
        self.sessions = sessions
        self.signing_key = signing_key
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        # Sign-ups per client address an hour: many people behind one address (a bootcamp) need more.
        self.max_sign_ups = max_sign_ups
        self._dummy: str | None = None

    async def register(
        self, email: str, password: str, name: str, *, client: str = UNKNOWN_CLIENT
    ) -> Session:
        """Create an account and sign in; at most `max_sign_ups` attempts per client address an hour.

        An email that is already registered is CONFLICT: a person signing up must learn why it failed, and
        without sending mail (no verification step here) there is no answer that does not say so. What
        keeps this from being a cheap oracle: the Argon2 hash is computed before the check (a taken email
        answers as slowly as a new one) and the per-client limit bounds how many emails one address can
        try (20 an hour).
        """
        email = validation.email(email)
        name = validation.text(name, "name", min_length=1, max_length=100)
        _check_password(password)
        await self._spend(client, SIGN_UP, self.max_sign_ups, SIGN_UP_WINDOW)
        # Argon2 is deliberately slow: keep it off the event loop.
        password_hash = await asyncio.to_thread(self.hasher.hash, password)
        now = self.clock()
        user = User(id=str(uuid.uuid4()), email=email, name=name, created_at=now, updated_at=now)
        async with self.sessions.begin() as session:
            if await store.email_taken(session, email):
                raise Conflict("is already registered", field="email")
            await store.insert_user(session, user, password_hash)
            await record_event(
                session,
                EventEnvelope(type=USER_REGISTERED, producer=PRODUCER, user_id=user.id, data=user_data(user)),
            )
            refresh = await self._issue_refresh(session, user.id, family_id=str(uuid.uuid4()), now=now)
        return Session(user=user, token=access_token(self.signing_key, user.id, now), refresh_token=refresh)

    async def login(self, email: str, password: str, *, client: str = UNKNOWN_CLIENT) -> Session:
        """Sign in; wrong credentials are UNAUTHENTICATED, too many attempts RATE_LIMITED.

        Limits, all per client address and shared by replicas through the database: `MAX_CLIENT_SIGN_INS`
        attempts, `MAX_CLIENT_FAILED_LOGINS` failures and `MAX_FAILED_LOGINS` failures for one email within
        `FAILED_LOGIN_WINDOW`. Unknown emails are throttled like known ones and verified against a dummy
        hash, so neither the answer nor its timing tells who is registered.
        """
        await self._spend(client, SIGN_IN, MAX_CLIENT_SIGN_INS, FAILED_LOGIN_WINDOW)
        try:
            email = validation.email(email)
        except BadUserInput as error:
            raise Unauthenticated(BAD_CREDENTIALS) from error
        now = self.clock()
        window_start = now - FAILED_LOGIN_WINDOW
        async with self.sessions.begin() as session:
            for_email = await store.failed_logins_since(session, window_start, client=client, email=email)
            for_client = await store.failed_logins_since(session, window_start, client=client)
        window = FAILED_LOGIN_WINDOW
        _refuse_when_over(
            for_email, MAX_FAILED_LOGINS, window, now, "failed sign-ins for this email", "email"
        )
        _refuse_when_over(for_client, MAX_CLIENT_FAILED_LOGINS, window, now, "failed sign-ins from here")
        async with self.sessions.begin() as session:
            stored = await store.find_by_email(session, email)
            password_hash = stored.password_hash if stored is not None else await self._dummy_hash()
            verified = await asyncio.to_thread(self._verify, password_hash, password) and stored is not None
            if verified and stored is not None:
                await store.clear_failed_logins(session, email, client)
                refresh = await self._issue_refresh(
                    session, stored.user.id, family_id=str(uuid.uuid4()), now=now
                )
        if not verified or stored is None:
            async with self.sessions.begin() as session:
                await store.record_failed_login(session, email, client, now, forget_before=window_start)
            raise Unauthenticated(BAD_CREDENTIALS)
        return Session(
            user=stored.user, token=access_token(self.signing_key, stored.user.id, now), refresh_token=refresh
        )

    async def delete_account(self, user_id: str, password: str, *, client: str = UNKNOWN_CLIENT) -> None:
        """Delete the signed-in person's account after checking their password, and publish `user.deleted`
        so every other subgraph erases what it holds about them (README, "Your data").

        A wrong password is UNAUTHENTICATED naming `password` and counts as a failed sign-in for the
        account's email from this client: the sign-in limits (`MAX_FAILED_LOGINS`, ...) apply, so a stolen
        access token cannot be used to guess the password here either. The account, its sessions, its
        interests both ways and its earlier events in the outbox go in one transaction with the event.
        """
        await self._spend(client, SIGN_IN, MAX_CLIENT_SIGN_INS, FAILED_LOGIN_WINDOW)
        now = self.clock()
        window_start = now - FAILED_LOGIN_WINDOW
        async with self.sessions.begin() as session:
            stored = await store.find_by_id(session, user_id)
            if stored is None:
                raise Unauthenticated("the account no longer exists")
            for_email = await store.failed_logins_since(
                session, window_start, client=client, email=stored.user.email
            )
        what = "failed sign-ins for this email"
        _refuse_when_over(for_email, MAX_FAILED_LOGINS, FAILED_LOGIN_WINDOW, now, what, "password")
        if not await asyncio.to_thread(self._verify, stored.password_hash, password):
            async with self.sessions.begin() as session:
                await store.record_failed_login(
                    session, stored.user.email, client, now, forget_before=window_start
                )
            raise Unauthenticated("the password is wrong", field="password")
        async with self.sessions.begin() as session:
            await store.delete_user(session, user_id, stored.user.email)
            event = EventEnvelope(
                type=USER_DELETED, producer=PRODUCER, user_id=user_id, data=deleted_data(user_id)
            )
            await erase_outbox(session, user_id)
            await record_event(session, event)

    async def _spend(self, client: str, action: str, limit: int, window: timedelta) -> None:
        """Count one `action` attempt by `client`; RATE_LIMITED once it has more than `limit` in `window`.

        The attempt is committed before counting and counts the attempts recorded before it (by id), so
        concurrent attempts (880 aliased `register`s in one request) are ranked: the first `limit` pass,
        the rest are refused, on every replica alike.
        """
        now = self.clock()
        async with self.sessions.begin() as session:
            attempt = await store.record_attempt(session, client, action, now, forget_before=now - window)
        async with self.sessions.begin() as session:
            attempts = await store.attempts_since(session, client, action, now - window, up_to=attempt)
        noun = "sign-ups" if action == SIGN_UP else "sign-in attempts"
        _refuse_when_over(attempts, limit + 1, window, now, f"{noun} from your address")

    async def _dummy_hash(self) -> str:
        """A hash of a random password with this hasher's parameters, made once: what an unknown email's
        sign-in is verified against, so it costs what a registered one does."""
        if self._dummy is None:
            self._dummy = await asyncio.to_thread(self.hasher.hash, secrets.token_urlsafe(16))
        return self._dummy

    async def refresh(self, token: str) -> Session:
        """Rotate: the presented token is revoked and a new one issued in its family. Presenting a revoked
        token means it was stolen or replayed, so the whole family is revoked (OAuth 2.0 Security BCP)."""
        now = self.clock()
        async with self.sessions.begin() as session:
            row = await store.find_refresh_token(session, hash_refresh_token(token))
            if row is None or row.expires_at <= now:
                raise Unauthenticated("the refresh token is invalid or expired")
            if row.revoked_at is not None or not await store.revoke_refresh_token(session, row.id, now):
                await store.revoke_family(session, row.family_id, now)
                reused = True
            else:
                reused = False
                users = await store.get_many(session, [row.user_id])
                refresh = await self._issue_refresh(session, row.user_id, family_id=row.family_id, now=now)
        if reused:
            raise Unauthenticated("the refresh token was already used; sign in again")
        user = users[row.user_id]
        return Session(user=user, token=access_token(self.signing_key, user.id, now), refresh_token=refresh)

    async def get_many(self, ids: Sequence[str]) -> list[User | None]:
        """Users in the order of `ids` (None for unknown ids) — one query for the whole batch."""
        async with self.sessions() as session:
            found = await store.get_many(session, ids)
        return [found.get(user_id) for user_id in ids]

    async def get(self, user_id: str) -> User:
        [user] = await self.get_many([user_id])
        if user is None:
            raise NotFound("no such user", field="id")
        return user

    async def search(self, text: str, *, after: tuple[str, str] | None, limit: int) -> tuple[list[User], int]:
        text = validation.text(text, "search", max_length=100)
        async with self.sessions() as session:
            return await store.search(session, text, after=after, limit=limit)

    async def update_profile(
        self, user_id: str, changes: ProfileChanges, *, client: str = UNKNOWN_CLIENT
    ) -> User:
        """Apply `changes`; a new email already registered is CONFLICT, and changing the email counts
        against the client's sign-up limit (it tells the same thing: whether an email is taken)."""
        if changes.email is not None:
            await self._spend(client, SIGN_UP, self.max_sign_ups, SIGN_UP_WINDOW)
        now = self.clock()
        async with self.sessions.begin() as session:
            current = (await store.get_many(session, [user_id])).get(user_id)
            if current is None:
                raise NotFound("no such user", field="id")
            if changes.email is not None and await store.email_taken(
                session, changes.email, except_id=user_id
            ):
                raise Conflict("is already registered", field="input.email")
            updated, changed = _apply(current, changes, now)
            if not changed:
                return current
            await store.update_user(session, updated)
            await record_event(
                session,
                EventEnvelope(
                    type=USER_UPDATED, producer=PRODUCER, user_id=user_id, data=user_data(updated, changed)
                ),
            )
        return updated

    async def create_api_token(
        self, user_id: str, name: str, scopes: Sequence[str], expires_at: datetime | None
    ) -> NewApiToken:
        """A partner API token for `user_id`; CONFLICT past `MAX_TOKENS_PER_PERSON` unexpired ones."""
        name = validation.text(name, "input.name", min_length=1, max_length=100)
        granted = api_tokens.checked_scopes(scopes)
        now = self.clock()
        expiry = api_tokens.checked_expiry(expires_at, now)
        secret = api_tokens.new_secret()
        token = ApiToken(
            id=str(uuid.uuid4()),
            user_id=user_id,
            name=name,
            scopes=granted,
            created_at=now,
            expires_at=expiry,
        )
        async with self.sessions.begin() as session:
            if await store.count_live_api_tokens(session, user_id, now) >= api_tokens.MAX_TOKENS_PER_PERSON:
                raise Conflict(
                    f"you have {api_tokens.MAX_TOKENS_PER_PERSON} API tokens already; revoke one first",
                    field="input",
                )
            await store.insert_api_token(session, token, api_tokens.hash_secret(secret))
        return NewApiToken(secret=secret, token=token)

    async def api_tokens_of(self, user_id: str) -> list[ApiToken]:
        async with self.sessions() as session:
            return await store.api_tokens_of(session, user_id)

    async def revoke_api_token(self, user_id: str, token_id: str) -> None:
        """Delete one of the person's tokens; NOT_FOUND for anyone else's or an unknown id."""
        async with self.sessions.begin() as session:
            if not await store.delete_api_token(session, user_id, token_id):
                raise NotFound("no such API token", field="id")

    async def exchange_api_token(self, secret: str) -> ExchangedToken:
        """A short-lived JWT carrying the token's person and scopes; UNAUTHENTICATED for an unknown, revoked
        or expired token. Records the use (at most once per `LAST_USED_GRANULARITY`)."""
        refused = Unauthenticated("the API token is invalid, revoked or expired")
        if not api_tokens.is_api_token(secret):
            raise refused
        presented = api_tokens.hash_secret(secret)
        now = self.clock()
        async with self.sessions.begin() as session:
            found = await store.find_api_token(session, presented)
            # The lookup is by hash already; compare_digest keeps the final check constant-time anyway.
            if found is None or not hmac.compare_digest(found.token_hash, presented):
                raise refused
            token = found.token
            if token.expires_at <= now:
                raise refused
            await store.touch_api_token(
                session, token.id, now, unless_after=now - api_tokens.LAST_USED_GRANULARITY
            )
        expires_at = min(now + api_tokens.EXCHANGED_LIFETIME, token.expires_at)
        jwt = signed_token(
            self.signing_key, token.user_id, now, expires_at, " ".join(token.scopes), api_token=token.id
        )
        return ExchangedToken(access_token=jwt, expires_in=max(1, int((expires_at - now).total_seconds())))

    async def add_interest(self, user_id: str, target_id: str) -> User:
        if user_id == target_id:
            raise BadUserInput("you cannot follow yourself", field="userId")
        async with self.sessions.begin() as session:
            found = await store.get_many(session, [user_id, target_id])
            if target_id not in found:
                raise NotFound("no such user", field="userId")
            try:
                await store.add_interest(session, user_id, target_id, self.clock())
            except IntegrityError as error:  # a concurrent add of the same pair
                raise Conflict("is already in your list", field="userId") from error
        return found[user_id]

    async def remove_interest(self, user_id: str, target_id: str) -> User:
        async with self.sessions.begin() as session:
            await store.remove_interest(session, user_id, target_id)
            found = await store.get_many(session, [user_id])
        return found[user_id]

    async def interests_of(self, user_ids: Sequence[str]) -> list[list[str]]:
        async with self.sessions() as session:
            found = await store.interests_of(session, user_ids)
        return [found[user_id] for user_id in user_ids]

    async def _issue_refresh(
        self, session: AsyncSession, user_id: str, *, family_id: str, now: datetime
    ) -> str:
        issued = new_refresh_token(now)
        await store.insert_refresh_token(
            session,
            token_id=issued.id,
            user_id=user_id,
            token_hash=issued.token_hash,
            family_id=family_id,
            created_at=now,
            expires_at=issued.expires_at,
        )
        return issued.token

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False


def _refuse_when_over(
    moments: list[datetime], limit: int, window: timedelta, now: datetime, what: str, field: str | None = None
) -> None:
    """RATE_LIMITED when `moments` (oldest first, within `window`) reach `limit`; retryAfter says when the
    oldest one that counts leaves the window."""
    if len(moments) < limit:
        return
    retry_at = moments[len(moments) - limit] + window
    wait = max(1, math.ceil((retry_at - now).total_seconds()))
    raise RateLimited(
        f"too many {what}; try again in {math.ceil(wait / 60)} minute(s)", retry_after=wait, field=field
    )


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise BadUserInput(f"needs at least {MIN_PASSWORD} characters", field="password")
    if len(password) > MAX_PASSWORD:
        raise BadUserInput(f"must be at most {MAX_PASSWORD} characters", field="password")


def _apply(user: User, changes: ProfileChanges, now: datetime) -> tuple[User, tuple[str, ...]]:
    """`user` with `changes` applied, and the names of the fields that actually changed."""
    values = {
        "name": changes.name,
        "email": changes.email,
        "phone": changes.phone,
        "headline": changes.headline,
        "location": changes.location,
        "skills": changes.skills,
        "links": changes.links,
        "show_email": changes.show_email,
        "show_phone": changes.show_phone,
    }
    updates: dict[str, object] = {name: value for name, value in values.items() if value is not None}
    updates.update(dict.fromkeys(changes.cleared))
    changed = tuple(sorted(name for name, value in updates.items() if getattr(user, name) != value))
    if not changed:
        return user, ()
    return replace(user, **updates, updated_at=now), changed  # type: ignore[arg-type]
