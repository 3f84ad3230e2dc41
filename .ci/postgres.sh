#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the store tests (installing the
# server with apt-get when it is missing) and print the line that points the tests at it:
#   eval "$(bash .ci/postgres.sh)"   ->   export RUMORSCOPE_TEST_PG=postgresql://...
# Everything but that line goes to stderr. The data folder is a fresh temp dir.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

port=${RUMORSCOPE_PG_PORT:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

dir=$(mktemp -d /tmp/rumorscope-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" = 0 ]; then  # the server refuses to run as root
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$dir"
    as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$BIN/initdb" -D "$dir/data" -U rumorscope -A trust -E UTF8 >&2
"${as_owner[@]}" "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" >&2
"$BIN/createdb" -h 127.0.0.1 -p "$port" -U rumorscope rumorscope_test >&2
echo "export RUMORSCOPE_TEST_PG=postgresql://rumorscope@127.0.0.1:$port/rumorscope_test"
