"""Per-request DataLoaders so `_entities` and nested fields cost one store query per batch."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from strawberry.dataloader import DataLoader

from subgraphs.files.match import ResumeMatch
from subgraphs.files.models import StoredFile
from subgraphs.files.service import FileService


@dataclass(frozen=True, slots=True)
class FileLoaders:
    """The loaders of one request, scoped to its caller: files they may not see load as None."""

    # File id → the file, if the caller may see it; backs `File.resolve_reference`.
    file: DataLoader[str, StoredFile | None]
    # User id → their current resume.
    resume: DataLoader[str, StoredFile | None]
    # Application id → the caller's documents attached to it.
    documents: DataLoader[str, list[StoredFile]]
    # Application id → the caller's resume matched against its job description.
    match: DataLoader[str, ResumeMatch | None]


def build_loaders(service: FileService, user_id: str) -> FileLoaders:
    """Fresh loaders for one request by `user_id`; never share them between requests (they cache)."""
    return FileLoaders(
        file=DataLoader(load_fn=partial(service.get_many, user_id)),
        resume=DataLoader(load_fn=partial(service.resumes_of, user_id)),
        documents=DataLoader(load_fn=partial(service.documents, user_id)),
        match=DataLoader(load_fn=partial(service.resume_matches, user_id)),
    )
