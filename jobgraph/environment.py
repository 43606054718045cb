"""Every environment variable a jobgraph process reads: one table for the README, compose, k8s and tests.

The readers are the modules named in `source`; `tests/infra` checks that the production files set only these
names, that they set every name marked `production` for each service, that each name really appears in its
source and that the code reads no name missing here, so the table and the code cannot drift apart.
`<NAME>` stands for a subgraph's name in upper case (e.g. `APPLICATIONS_DATABASE_URL`).
"""

from __future__ import annotations

from dataclasses import dataclass

from jobgraph.catalog import SUBGRAPHS

ROUTER = "router"


@dataclass(frozen=True, slots=True)
class Variable:
    """One environment variable: who reads it, where, and what it means."""

    name: str
    # "router", a subgraph name, or "*" for every subgraph; `jobgraph dev` reads them all.
    readers: tuple[str, ...]
    # The module that reads it (the name, or its part after `<NAME>`, appears there literally).
    source: str
    meaning: str
    # Who must be given it in a production deployment (docker-compose.yml, infra/k8s), same notation as
    # `readers`: without it that service falls back to an embedded default that is wrong in production.
    production: tuple[str, ...] = ()

    def names_for(self, service: str) -> list[str]:
        """The concrete variable names `service` reads for this entry (none if it does not read it)."""
        return self._expand(self.readers, service)

    def production_names_for(self, service: str) -> list[str]:
        """The concrete variable names a production deployment must give `service` for this entry."""
        return self._expand(self.production, service)

    def _expand(self, services: tuple[str, ...], service: str) -> list[str]:
        if service not in services and not (service != ROUTER and "*" in services):
            return []
        if "<NAME>" in self.name and service == ROUTER:
            return [self.name.replace("<NAME>", entry.name.upper()) for entry in SUBGRAPHS]
        return [self.name.replace("<NAME>", service.upper())]


# Search keeps an index (tantivy files, or OpenSearch), not a database.
SQL = tuple(entry.name for entry in SUBGRAPHS if entry.name != "search")
# The document subgraphs keep their data in MongoDB in production, the others in PostgreSQL.
DOCUMENTS = ("contacts", "files")
RELATIONAL = tuple(name for name in SQL if name not in DOCUMENTS)
# Where the notifications subgraph reads its email settings.
MAIL_SETTINGS = "subgraphs/notifications/mail_settings.py"

VARIABLES: tuple[Variable, ...] = (
    Variable("JOBGRAPH_DATA_DIR", ("*",), "subgraphs/kit/settings.py",
             "directory of the embedded databases and the generated signing key (default `var`)"),
    Variable("JOBGRAPH_HOST", ("*",), "jobgraph/cli.py",
             "where `jobgraph dev` (default 127.0.0.1) and `jobgraph subgraph` (0.0.0.0) listen"),
    Variable("JOBGRAPH_PORT", ("*",), "jobgraph/cli.py",
             "port of `jobgraph dev` (default 4000) or of `jobgraph subgraph` (default: its catalog port)"),
    Variable("JOBGRAPH_LOG_LEVEL", (ROUTER, "*"), "router/logs.py",
             "DEBUG, INFO (default), WARNING or ERROR"),
    Variable("<NAME>_DATABASE_URL", SQL, "subgraphs/kit/settings.py",
             "SQLAlchemy async URL (`postgresql+asyncpg://...`) replacing the embedded SQLite file",
             production=RELATIONAL),
    Variable("<NAME>_MONGODB_URL", DOCUMENTS, "subgraphs/kit/settings.py",
             "MongoDB URL: the document subgraph keeps its documents there instead of SQL",
             production=DOCUMENTS),
    Variable("SEARCH_OPENSEARCH_URL", ("search",), "subgraphs/search/app.py",
             "OpenSearch URL: the search index lives there instead of the embedded tantivy files",
             production=("search",)),
    Variable("SEARCH_OPENSEARCH_INDEX", ("search",), "subgraphs/search/app.py",
             "the alias the search index is served under (default `jobgraph-search`)"),
    Variable("JOBGRAPH_RABBITMQ_URL", ("*",), "subgraphs/kit/events/settings.py",
             "`amqp://user:password@host:5672/vhost`: events go through RabbitMQ, not the in-process bus",
             production=("*",)),
    Variable("JOBGRAPH_EVENTS_EXCHANGE", ("*",), "subgraphs/kit/events/settings.py",
             "the topic exchange (default `jobgraph.events`)"),
    Variable("JOBGRAPH_RABBITMQ_TIMEOUT", ("*",), "subgraphs/kit/events/settings.py",
             "seconds for each broker operation (default 10)"),
    Variable("JOBGRAPH_JWT_PRIVATE_KEY", ("users",), "jobgraph/factories.py",
             "Ed25519 signing key (PEM); default: generated once under the data directory",
             production=("users",)),
    Variable("JOBGRAPH_JWT_PUBLIC_KEY", ("*",), "subgraphs/kit/keys.py",
             "the key access tokens are verified with (PEM); default: the generated key's public half",
             production=("*",)),
    Variable("JOBGRAPH_ROUTER_SECRET", (ROUTER, "*"), "router/config.py",
             "shared secret the router sends as `x-jobgraph-router-secret`; subgraphs refuse GraphQL "
             "without it (`jobgraph dev`: a new one per process)", production=(ROUTER, "*")),
    Variable("APPLICATIONS_DATABASE_URL", ("analytics",), "jobgraph/analytics_rebuild.py",
             "`jobgraph analytics rebuild` asks the applications database (its outbox) for snapshots",
             production=("analytics",)),
    Variable("NOTIFICATIONS_SMTP_HOST", ("notifications",), MAIL_SETTINGS,
             "SMTP server of notification emails; without it each email is an `.eml` file under the data dir",
             production=("notifications",)),
    Variable("NOTIFICATIONS_SMTP_PORT", ("notifications",), MAIL_SETTINGS,
             "its port (587)"),
    Variable("NOTIFICATIONS_SMTP_USERNAME", ("notifications",), MAIL_SETTINGS,
             "SMTP login name (none: no login)"),
    Variable("NOTIFICATIONS_SMTP_PASSWORD", ("notifications",), MAIL_SETTINGS,
             "SMTP password"),
    Variable("NOTIFICATIONS_SMTP_STARTTLS", ("notifications",), MAIL_SETTINGS,
             "upgrade the SMTP connection with STARTTLS (true)"),
    Variable("NOTIFICATIONS_SMTP_TIMEOUT", ("notifications",), MAIL_SETTINGS,
             "seconds for each SMTP operation (10)"),
    Variable("NOTIFICATIONS_MAIL_FROM", ("notifications",), MAIL_SETTINGS,
             "sender of notification emails", production=("notifications",)),
    Variable("NOTIFICATIONS_PUBLIC_URL", ("notifications",), MAIL_SETTINGS,
             "public base URL of the notifications subgraph, for unsubscribe links in emails",
             production=("notifications",)),
    Variable("NOTIFICATIONS_UNSUBSCRIBE_SECRET", ("notifications",), MAIL_SETTINGS,
             "signs unsubscribe links; default: generated once under the data directory",
             production=("notifications",)),
    Variable("JOBGRAPH_ROUTER_HOST", (ROUTER,), "router/config.py", "address the router listens on"),
    Variable("JOBGRAPH_ROUTER_PORT", (ROUTER,), "router/config.py", "port the router listens on (4000)"),
    Variable("JOBGRAPH_ROUTER_SUPERGRAPH", (ROUTER,), "router/config.py",
             "supergraph file the router serves and watches"),
    Variable("JOBGRAPH_ROUTER_TIMEOUT", (ROUTER,), "router/config.py",
             "default per-subgraph timeout in seconds (10)"),
    Variable("JOBGRAPH_ROUTER_DEDUPE_QUERIES", (ROUTER,), "router/config.py",
             "share one call among identical concurrent subgraph queries (true)"),
    Variable("JOBGRAPH_ROUTER_CACHE_SIZE", (ROUTER,), "router/config.py",
             "parsed documents and plans kept (1000)"),
    Variable("JOBGRAPH_ROUTER_MAX_DEPTH", (ROUTER,), "router/config.py", "deepest operation accepted (32)"),
    Variable("JOBGRAPH_ROUTER_MAX_BODY_BYTES", (ROUTER,), "router/config.py", "largest request body"),
    Variable("JOBGRAPH_ROUTER_GRAPHIQL", (ROUTER,), "router/config.py", "serve GraphiQL at /graphql (true)"),
    Variable("JOBGRAPH_ROUTER_MUTATION_TIMEOUT", (ROUTER,), "router/config.py",
             "default per-subgraph timeout of mutations in seconds (30)"),
    Variable("JOBGRAPH_ROUTER_CACHE_BYTES", (ROUTER,), "router/config.py",
             "estimated bytes of prepared operations kept (64 MiB)"),
    Variable("JOBGRAPH_ROUTER_MAX_ROOT_FIELDS", (ROUTER,), "router/config.py",
             "most root fields a query may select (64)"),
    Variable("JOBGRAPH_ROUTER_MAX_MUTATION_ROOT_FIELDS", (ROUTER,), "router/config.py",
             "most root fields a mutation may select (10)"),
    Variable("JOBGRAPH_ROUTER_MAX_ALIASES", (ROUTER,), "router/config.py",
             "most aliases one operation document may write (30)"),
    Variable("JOBGRAPH_ROUTER_MAX_DIRECTIVES", (ROUTER,), "router/config.py",
             "most directives one operation document may write (50)"),
    Variable("JOBGRAPH_ROUTER_MAX_TOKENS", (ROUTER,), "router/config.py",
             "most lexical tokens of one operation document (15000)"),
    Variable("JOBGRAPH_ROUTER_MAX_CHARACTERS", (ROUTER,), "router/config.py",
             "most characters of one operation document (100000)"),
    Variable("JOBGRAPH_ROUTER_MAX_SELECTIONS", (ROUTER,), "router/config.py",
             "most selections an operation may expand to (50000)"),
    Variable("JOBGRAPH_ROUTER_PLANNING_TIMEOUT", (ROUTER,), "router/config.py",
             "CPU seconds planning one operation may take (2)"),
    Variable("JOBGRAPH_ROUTER_WEB_DIR", (ROUTER,), "router/config.py",
             "the built web app (web/dist) served at `/`, GraphiQL's page too (dev: the checkout's)"),
    Variable("JOBGRAPH_ROUTER_CORS_ORIGINS", (ROUTER,), "router/config.py",
             "origins allowed cross-site, comma-separated (default: any localhost port)"),
    Variable("JOBGRAPH_ROUTER_CSRF_PREVENTION", (ROUTER,), "router/config.py",
             "refuse requests a browser could send without a preflight (true)"),
    Variable("JOBGRAPH_ROUTER_HSTS", (ROUTER,), "router/config.py",
             "send Strict-Transport-Security (only behind TLS; false)"),
    Variable("JOBGRAPH_ROUTER_JWKS_URL", (ROUTER,), "router/config.py",
             "JWKS the router verifies access tokens with (the users subgraph's /.well-known/jwks.json)",
             production=(ROUTER,)),
    Variable("JOBGRAPH_ROUTER_JWT_KEY_FILE", (ROUTER,), "router/config.py",
             "PEM public key or JWKS file to verify access tokens with, instead of a JWKS URL"),
    Variable("JOBGRAPH_ROUTER_JWT_ISSUER", (ROUTER,), "router/config.py",
             "issuer access tokens must name (jobgraph-users)"),
    Variable("JOBGRAPH_ROUTER_JWT_AUDIENCE", (ROUTER,), "router/config.py",
             "audience access tokens must name (jobgraph)"),
    Variable("JOBGRAPH_ROUTER_RATE_LIMIT", (ROUTER,), "router/config.py",
             "limit requests per client and overall (true)"),
    Variable("JOBGRAPH_ROUTER_CLIENT_RATE", (ROUTER,), "router/config.py",
             "requests per second each client may make (100)"),
    Variable("JOBGRAPH_ROUTER_CLIENT_BURST", (ROUTER,), "router/config.py",
             "requests a client may make at once (200)"),
    Variable("JOBGRAPH_ROUTER_TRUSTED_DOCUMENTS", (ROUTER,), "router/config.py",
             "trusted documents manifest (Apollo or Hive format), hot-reloaded"),
    Variable("JOBGRAPH_ROUTER_TRUSTED_DOCUMENTS_ONLY", (ROUTER,), "router/config.py",
             "run only the manifest's documents (false)"),
    Variable("JOBGRAPH_ROUTER_MAX_UPLOAD_FILES", (ROUTER,), "router/config.py",
             "files one upload request (GraphQL multipart) may carry (5)"),
    Variable("JOBGRAPH_ROUTER_MAX_UPLOAD_FILE_BYTES", (ROUTER,), "router/config.py",
             "bytes each uploaded file may have (10485760)"),
    Variable("JOBGRAPH_SUBGRAPH_<NAME>_URL", (ROUTER,), "router/config.py",
             "where the router reaches a subgraph, overriding the supergraph's URL",
             production=(ROUTER,)),
    Variable("JOBGRAPH_SUBGRAPH_<NAME>_TIMEOUT", (ROUTER,), "router/config.py",
             "that subgraph's timeout in seconds"),
    Variable("FILES_S3_BUCKET", ("files",), "subgraphs/files/settings.py",
             "S3 bucket of the files' bytes (MinIO in docker-compose); without it, `<data dir>/files`",
             production=("files",)),
    Variable("FILES_S3_ENDPOINT_URL", ("files",), "subgraphs/files/settings.py",
             "an S3-compatible server (e.g. http://minio:9000); default AWS", production=("files",)),
    Variable("FILES_S3_PUBLIC_URL", ("files",), "subgraphs/files/settings.py",
             "the S3 endpoint presigned URLs name, where clients reach it (default: the endpoint)",
             production=("files",)),
    Variable("FILES_S3_REGION", ("files",), "subgraphs/files/settings.py", "S3 region (default us-east-1)"),
    Variable("FILES_S3_ACCESS_KEY_ID", ("files",), "subgraphs/files/settings.py", "S3 access key id",
             production=("files",)),
    Variable("FILES_S3_SECRET_ACCESS_KEY", ("files",), "subgraphs/files/settings.py", "S3 secret key",
             production=("files",)),
    Variable("USERS_MAX_SIGN_UPS_PER_HOUR", ("users",), "subgraphs/users/app.py",
             "sign-ups (and email changes) per client address an hour (20); raise it where many people "
             "share one address, e.g. a bootcamp behind one NAT"),
    Variable("FILES_PUBLIC_URL", ("files",), "subgraphs/files/settings.py",
             "where clients reach the files subgraph's signed /blobs/ URLs in embedded mode "
             "(default http://127.0.0.1:4000/subgraphs/files, `jobgraph dev`)"),
    Variable("FILES_SIGNING_SECRET", ("files",), "subgraphs/files/settings.py",
             "HMAC secret of embedded blob URLs (default: generated under the data directory)"),
    Variable("APPLICATIONS_PUBLIC_URL", ("applications",), "subgraphs/applications/settings.py",
             "where clients reach the applications subgraph's signed /blobs/ export downloads "
             "(default http://127.0.0.1:4000/subgraphs/applications, `jobgraph dev`)",
             production=("applications",)),
    Variable("APPLICATIONS_SIGNING_SECRET", ("applications",), "subgraphs/applications/settings.py",
             "HMAC secret of export download URLs, the same for every replica (default: generated under "
             "the data directory)", production=("applications",)),
    Variable("OTEL_EXPORTER_OTLP_ENDPOINT", (ROUTER, "*"), "router/telemetry.py",
             "OTLP/HTTP collector (e.g. http://otel-collector:4318): traces are exported there",
             production=(ROUTER, "*")),
    Variable("OTEL_SERVICE_NAME", (ROUTER, "*"), "router/telemetry.py",
             "the service name on exported traces (default: the process's name)"),
)  # fmt: skip


def names_read_by(service: str) -> set[str]:
    """Every concrete variable name `service` ("router" or a subgraph name) reads."""
    return {name for variable in VARIABLES for name in variable.names_for(service)}


def names_required_in_production(service: str) -> set[str]:
    """Every concrete variable name a production deployment must give `service`."""
    return {name for variable in VARIABLES for name in variable.production_names_for(service)}
