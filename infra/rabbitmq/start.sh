#!/usr/bin/env bash
# Runs RabbitMQ (through the image's entrypoint) and creates jobgraph's users once the node is up.
#
# definitions.json is imported at boot (infra/rabbitmq/rabbitmq.conf), and RabbitMQ then creates no default user,
# so the users come from the environment here instead of password hashes checked into git:
#   RABBITMQ_APP_USER / RABBITMQ_APP_PASSWORD      the services' user, full rights on vhost "jobgraph" only
#   RABBITMQ_ADMIN_USER / RABBITMQ_ADMIN_PASSWORD  administrator for the management UI
# The compose healthcheck authenticates as the app user, so dependents start only after this has run.
set -euo pipefail

: "${RABBITMQ_APP_USER:?}" "${RABBITMQ_APP_PASSWORD:?}" "${RABBITMQ_ADMIN_USER:?}" "${RABBITMQ_ADMIN_PASSWORD:?}"

docker-entrypoint.sh rabbitmq-server &
server_pid=$!
# This script is PID 1: pass the container's stop signal on so RabbitMQ shuts down cleanly.
trap 'rabbitmqctl stop || kill -TERM "${server_pid}"' TERM INT

# The CLI must not run before the server has written its Erlang cookie: a CLI started first would create a
# cookie of its own in the shared HOME, which the server (another user) then cannot use.
cookie="${HOME:-/var/lib/rabbitmq}/.erlang.cookie"
attempts=0
until [[ -s "${cookie}" ]]; do
    attempts=$((attempts + 1))
    if (( attempts > 60 )) || ! kill -0 "${server_pid}" 2>/dev/null; then
        echo "start.sh: RabbitMQ wrote no Erlang cookie at ${cookie}" >&2
        exit 1
    fi
    sleep 1
done

attempts=0
until rabbitmqctl --quiet await_startup --timeout 10 >/dev/null 2>&1; do
    attempts=$((attempts + 1))
    if (( attempts > 30 )) || ! kill -0 "${server_pid}" 2>/dev/null; then
        echo "start.sh: RabbitMQ did not start" >&2
        exit 1
    fi
    sleep 2
done

ensure_user() {  # name password tags
    if rabbitmqctl --quiet list_users --no-table-headers | cut -f1 | grep -qx -- "$1"; then
        rabbitmqctl --quiet change_password "$1" "$2"
    else
        rabbitmqctl --quiet add_user "$1" "$2"
    fi
    rabbitmqctl --quiet set_user_tags "$1" $3
}
ensure_user "${RABBITMQ_APP_USER}" "${RABBITMQ_APP_PASSWORD}" ""
rabbitmqctl --quiet set_permissions --vhost jobgraph "${RABBITMQ_APP_USER}" ".*" ".*" ".*"
ensure_user "${RABBITMQ_ADMIN_USER}" "${RABBITMQ_ADMIN_PASSWORD}" "administrator"
rabbitmqctl --quiet set_permissions --vhost jobgraph "${RABBITMQ_ADMIN_USER}" ".*" ".*" ".*"
echo "start.sh: users ${RABBITMQ_APP_USER} and ${RABBITMQ_ADMIN_USER} ready"

wait "${server_pid}"
