#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, trust auth) and RabbitMQ (127.0.0.1:5672, guest/guest) answer:
# starts them when installed but stopped, installs them from Debian's packages when missing.
set -euo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 1; done
  echo "ensure-services: nothing answers on 127.0.0.1:$1 after 60 s" >&2
  return 1
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  port_open 5432 && return 0
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "ensure-services: installing PostgreSQL"
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  local conf="/etc/postgresql/$version/main"
  # Trust auth on loopback, as the tests expect (a fresh Debian install asks for passwords).
  if ! grep -q "jobgraph-trust" "$conf/pg_hba.conf"; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust # jobgraph-trust\nhost all all ::1/128 trust # jobgraph-trust\nlocal all all trust # jobgraph-trust' "$conf/pg_hba.conf"
  fi
  echo "ensure-services: starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_port 5432
}

ensure_rabbitmq() {
  port_open 5672 && return 0
  if ! command -v rabbitmq-server >/dev/null; then
    echo "ensure-services: installing RabbitMQ"
    apt_install rabbitmq-server
  fi
  echo "ensure-services: starting RabbitMQ"
  as_root rabbitmq-server -detached || true
  wait_port 5672
}

ensure_postgres
ensure_rabbitmq
echo "ensure-services: PostgreSQL and RabbitMQ are up"
