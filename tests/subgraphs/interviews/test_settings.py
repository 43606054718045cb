"""Interviews settings: embedded defaults need nothing, production values come from the environment."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from subgraphs.interviews.settings import InterviewsSettings


def test_embedded_default_is_a_sqlite_file_under_the_data_dir() -> None:
    settings = InterviewsSettings.from_env({})
    assert settings.database_url == "sqlite+aiosqlite:///var/interviews.sqlite3"
    assert settings.jwt_public_key is None or "PUBLIC KEY" in settings.jwt_public_key


def test_database_url_switches_backend_and_its_password_never_prints() -> None:
    url = "postgresql+asyncpg://interviews:s3cret@db:5432/interviews"
    settings = InterviewsSettings.from_env({"INTERVIEWS_DATABASE_URL": url, "JOBGRAPH_DATA_DIR": "/data"})
    assert settings.database_url == url
    assert "s3cret" not in repr(settings)
    assert "***" in repr(settings)


def test_public_key_comes_from_the_embedded_users_signing_key(tmp_path: Path) -> None:
    private_key = Ed25519PrivateKey.generate()
    (tmp_path / "jwt-signing-key.pem").write_bytes(
        private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    settings = InterviewsSettings.from_env({"JOBGRAPH_DATA_DIR": str(tmp_path)})
    expected = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert settings.jwt_public_key == expected.decode()
    assert "PRIVATE" not in repr(settings)
