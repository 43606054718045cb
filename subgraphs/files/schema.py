"""The files GraphQL subgraph: File, uploads (direct to storage, or through the router as a GraphQL
multipart request), User.resume / User.files, Application.documents / Application.resumeMatch."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from subgraphs.files import match, models
from subgraphs.files.context import caller, loaders, service
from subgraphs.files.models import CreatedKey
from subgraphs.files.service import CreateUpload
from subgraphs.kit.errors import Forbidden
from subgraphs.kit.pagination import Connection, connection, decode_instant_cursor, encode_cursor, page_size
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.kit.scopes import scoped


@strawberry.enum(description="What a file is for.")
class FileKind(enum.Enum):
    RESUME = "RESUME"
    COVER_LETTER = "COVER_LETTER"
    OFFER = "OFFER"
    OTHER = "OTHER"


@strawberry.enum(description="PENDING until its bytes are checked; READY files can be downloaded.")
class FileStatus(enum.Enum):
    PENDING = "PENDING"
    READY = "READY"


@strawberry.federation.type(keys=["id"], description="An application, owned by the applications subgraph.")
class Application:
    id: strawberry.ID

    # Nullable, like every field one subgraph adds to another's entity (issue 9): with files down, only the
    # documents are missing, not the application.
    @strawberry.field(
        description="Your files attached to this application, oldest first.", extensions=scoped()
    )
    async def documents(self, info: Info) -> list[File] | None:
        return [File.of(file) for file in await loaders(info).documents.load(str(self.id))]

    @strawberry.field(
        description="How well your current resume covers this application's job description; null when "
        "either is missing.",
        extensions=scoped(),
    )
    async def resume_match(self, info: Info) -> ResumeMatch | None:
        found = await loaders(info).match.load(str(self.id))
        return ResumeMatch.of(found) if found is not None else None

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Application:
        return cls(id=id)


@strawberry.type(
    description="A resume checked against a job description (method: the files subgraph's match.py)."
)
class ResumeMatch:
    score: int = strawberry.field(
        description="0-100: the weighted share of the job's keywords the resume has."
    )
    matched_keywords: list[str]
    missing_keywords: list[str]
    suggestions: list[str]

    @classmethod
    def of(cls, found: match.ResumeMatch) -> ResumeMatch:
        return cls(
            score=found.score,
            matched_keywords=list(found.matched_keywords),
            missing_keywords=list(found.missing_keywords),
            suggestions=list(found.suggestions),
        )


@strawberry.federation.type(
    keys=["id"], description="A resume, cover letter, offer letter or other document."
)
class File:
    id: strawberry.ID
    name: str
    content_type: str
    size: int
    kind: FileKind
    status: FileStatus
    created_at: datetime
    stored: strawberry.Private[models.StoredFile]

    @strawberry.field(description="A short-lived signed URL to download the file.")
    async def download_url(self, info: Info, expires_in_seconds: int = 300) -> str | None:
        if self.stored.status is not models.FileStatus.READY:
            return None
        return await service(info).download_url(self.stored, expires_in_seconds)

    @strawberry.field(description="The application this file is attached to.")
    def application(self) -> Application | None:
        app_id = self.stored.application_id
        return Application(id=strawberry.ID(app_id)) if app_id else None

    @classmethod
    def of(cls, file: models.StoredFile) -> File:
        return cls(
            id=strawberry.ID(file.id),
            name=file.name,
            content_type=file.content_type,
            size=file.size,
            kind=FileKind(file.kind.value),
            status=FileStatus(file.status.value),
            created_at=file.created_at,
            stored=file,
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> File | None:
        # Only files the caller may see resolve; anything else is null, so ids cannot be probed.
        found = await loaders(info).file.load(str(id))
        return cls.of(found) if found is not None else None


def _cursor(file: models.StoredFile) -> str:
    return encode_cursor(file.created_at.isoformat(), file.id)


@strawberry.federation.type(keys=["id"], description="A person, owned by the users subgraph.")
class User:
    id: strawberry.ID

    @strawberry.field(
        description="The resume on this person's profile (visible to signed-in people).", extensions=scoped()
    )
    async def resume(self, info: Info) -> File | None:
        caller(info)
        found = await loaders(info).resume.load(str(self.id))
        return File.of(found) if found is not None else None

    # Nullable like every field added to another subgraph's entity: on someone else's profile it is null with
    # FORBIDDEN, and the rest of the profile still answers.
    @strawberry.field(
        description="Your files, newest first (only on your own profile; else null).", extensions=scoped()
    )
    async def files(
        self, info: Info, kind: FileKind | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[File] | None:
        user_id = caller(info)
        if str(self.id) != user_id:
            raise Forbidden("only your own files are listed")
        size = page_size(first)
        position = decode_instant_cursor(after)
        page = await service(info).find(
            user_id,
            models.FileKind(kind.value) if kind else None,
            size,
            CreatedKey(*position) if position else None,
        )
        return connection(
            page.items,
            node=File.of,
            cursor=_cursor,
            has_next_page=page.has_next_page,
            total_count=page.total_count,
        )

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> User:
        return cls(id=id)


@strawberry.input
class CreateUploadInput:
    kind: FileKind
    filename: str
    content_type: str = strawberry.field(
        description="PDF, DOCX, TXT, PNG or JPEG; checked against the bytes."
    )
    size: int = strawberry.field(description="Exact size in bytes (at most 10 MB).")
    application_id: strawberry.ID | None = None
    checksum: str | None = strawberry.field(
        default=None, description="Hex SHA-256 of the bytes, checked on completion."
    )

    def to_command(self) -> CreateUpload:
        return CreateUpload(
            kind=models.FileKind(self.kind.value),
            filename=self.filename,
            content_type=self.content_type,
            size=self.size,
            application_id=str(self.application_id) if self.application_id else None,
            checksum=self.checksum,
        )


@strawberry.type(description="An HTTP header the upload request must carry.")
class UploadHeader:
    name: str
    value: str


@strawberry.type(description="Where to send a file's bytes; then call completeUpload(id).")
class CreateUploadPayload:
    file: File
    url: str
    method: str
    headers: list[UploadHeader]
    expires_at: datetime


DataExportStatus = strawberry.enum(models.ExportStatus, name="DataExportStatus")


@strawberry.type(
    description="An archive of everything jobgraph holds about you (exportMyData): one JSON file per part "
    "of jobgraph, files.json and your uploaded files."
)
class DataExport:
    id: strawberry.ID
    status: DataExportStatus  # type: ignore[valid-type]
    created_at: datetime
    finished_at: datetime | None
    size: int | None = strawberry.field(description="The archive's size in bytes, once READY.")
    missing_parts: list[str] = strawberry.field(
        description="FAILED: the parts that did not arrive in time (profile, applications, ...)."
    )
    stored: strawberry.Private[models.DataExport]

    @strawberry.field(description="A short-lived signed URL to download the archive, once READY.")
    async def download_url(self, info: Info, expires_in_seconds: int = 300) -> str | None:
        return await service(info).exports.download_url(self.stored, expires_in_seconds)

    @classmethod
    def of(cls, export: models.DataExport) -> DataExport:
        return cls(
            id=strawberry.ID(export.id),
            status=export.status,
            created_at=export.created_at,
            finished_at=export.finished_at,
            size=export.size,
            missing_parts=list(export.missing),
            stored=export,
        )


@strawberry.type
class Query:
    @strawberry.field(
        description="A file you may see (yours, or someone's profile resume); null otherwise.",
        extensions=scoped(),
    )
    async def file(self, info: Info, id: strawberry.ID) -> File | None:
        found = await loaders(info).file.load(str(id))
        return File.of(found) if found is not None else None

    @strawberry.field(description="One of your data exports.", extensions=scoped())
    async def my_data_export(self, info: Info, id: strawberry.ID) -> DataExport:
        return DataExport.of(await service(info).exports.get(caller(info), str(id)))

    @strawberry.field(description="Your data exports, newest first.", extensions=scoped())
    async def my_data_exports(self, info: Info) -> list[DataExport]:
        return [DataExport.of(export) for export in await service(info).exports.of(caller(info))]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Export everything jobgraph holds about you as one archive: poll myDataExport(id) until "
        "it is READY, then download it. One export at a time (RATE_LIMITED while one is PENDING).",
        extensions=scoped(),
    )
    async def export_my_data(self, info: Info) -> DataExport:
        return DataExport.of(await service(info).exports.request(caller(info)))

    @strawberry.mutation(
        description="Start a direct upload: PUT the bytes to the URL, then completeUpload.",
        extensions=scoped(),
    )
    async def create_upload(self, info: Info, input: CreateUploadInput) -> CreateUploadPayload:
        file, target = await service(info).create_upload(caller(info), input.to_command())
        assert file.expires_at is not None
        return CreateUploadPayload(
            file=File.of(file),
            url=target.url,
            method=target.method,
            headers=[UploadHeader(name=name, value=value) for name, value in target.headers],
            expires_at=file.expires_at,
        )

    @strawberry.mutation(
        description="Check the uploaded bytes (size, checksum, real type); the file is READY.",
        extensions=scoped(),
    )
    async def complete_upload(self, info: Info, id: strawberry.ID) -> File:
        return File.of(await service(info).complete_upload(caller(info), str(id)))

    @strawberry.mutation(
        description="Upload a file in the request itself (GraphQL multipart request).", extensions=scoped()
    )
    async def upload_file(
        self, info: Info, file: Upload, kind: FileKind, application_id: strawberry.ID | None = None
    ) -> File:
        user_id = caller(info)
        stored = await service(info).upload(
            user_id,
            filename=getattr(file, "filename", None) or "",
            declared_type=getattr(file, "content_type", None),
            kind=models.FileKind(kind.value),
            application_id=str(application_id) if application_id else None,
            source=file.file,  # type: ignore[attr-defined]
        )
        return File.of(stored)

    @strawberry.mutation(
        description="Delete one of your files and its bytes; returns its id.", extensions=scoped()
    )
    async def delete_file(self, info: Info, id: strawberry.ID) -> strawberry.ID:
        return strawberry.ID((await service(info).delete(caller(info), str(id))).id)

    @strawberry.mutation(
        description="Put one of your RESUME files on your profile (null removes it).", extensions=scoped()
    )
    async def set_resume(self, info: Info, file_id: strawberry.ID | None) -> File | None:
        found = await service(info).set_resume(caller(info), str(file_id) if file_id else None)
        return File.of(found) if found is not None else None


schema = SubgraphSchema(query=Query, mutation=Mutation, types=[File, User, Application])
