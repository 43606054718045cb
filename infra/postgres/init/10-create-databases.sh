#!/usr/bin/env bash
# Creates one login role and one database per SQL subgraph (each subgraph owns its store: DESIGN.md "Stores").
#
# The postgres image runs this once, on an empty data directory, from /docker-entrypoint-initdb.d/, as
# POSTGRES_USER over the local socket. It is also safe to run again by hand (existing roles get their password
# reset, existing databases are kept). Inputs, all from the environment:
#   JOBGRAPH_SQL_SUBGRAPHS   space-separated subgraph names, e.g. "users applications interviews"
#   <NAME>_DB_PASSWORD       the password of role <name> (upper-cased name), e.g. USERS_DB_PASSWORD
#   POSTGRES_USER, POSTGRES_DB  the superuser and maintenance database psql connects as (image defaults)
# Role and database are both named after the subgraph: DATABASE_URL=postgresql+asyncpg://<name>:<pw>@host/<name>.
set -euo pipefail

: "${JOBGRAPH_SQL_SUBGRAPHS:?set JOBGRAPH_SQL_SUBGRAPHS, e.g. \"users applications interviews\"}"

for name in ${JOBGRAPH_SQL_SUBGRAPHS}; do
    if [[ ! "${name}" =~ ^[a-z][a-z0-9_]*$ ]]; then
        echo "10-create-databases: invalid subgraph name '${name}' (lower-case letters, digits, _)" >&2
        exit 1
    fi
    password_var="${name^^}_DB_PASSWORD"
    password="${!password_var:-}"
    if [[ -z "${password}" ]]; then
        echo "10-create-databases: ${password_var} is not set" >&2
        exit 1
    fi
    # Values go in as psql variables and are quoted by format(%I/%L), never spliced into SQL text by the shell.
    # CREATE DATABASE cannot run inside a transaction block, hence one \gexec statement at a time.
    psql --no-psqlrc -v ON_ERROR_STOP=1 --quiet \
        --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
        -v name="${name}" -v password="${password}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
-- Only the owning subgraph (and the superuser) may connect: no shared tables across subgraphs.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
    echo "10-create-databases: role and database '${name}' ready"
done
