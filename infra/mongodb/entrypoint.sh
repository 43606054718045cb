#!/usr/bin/env bash
# Starts mongod as a single-node replica set with authentication, through the image's own entrypoint.
#
# Why a replica set: the contacts subgraph writes a change and its outbox event in one multi-document
# transaction (DESIGN.md "Events"), and MongoDB allows transactions only on replica sets. Why a key file:
# mongod refuses --replSet together with authentication unless members authenticate each other with one.
# The key file is generated once into the data volume (so it survives restarts) and must be mode 0400, owned by
# the mongodb user. The replica set itself is initiated by the compose healthcheck (rs.initiate on first run).
set -euo pipefail

keyfile=/data/configdb/jobgraph-replica.key
if [[ ! -s "${keyfile}" ]]; then
    # 512 random bytes as base64 (684 characters; MongoDB accepts 6-1024 of the base64 alphabet). coreutils
    # only: the image is not guaranteed to ship openssl.
    head -c 512 /dev/urandom | base64 | tr -d '\n' > "${keyfile}"
fi
chown mongodb:mongodb "${keyfile}"
chmod 0400 "${keyfile}"

exec docker-entrypoint.sh mongod --replSet rs0 --keyFile "${keyfile}" --bind_ip_all "$@"
