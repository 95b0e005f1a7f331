#!/bin/sh
# Makes the schema fixtures that SchemaUpgradeTests load: a database created and filled by a
# released `beacon` binary, dumped as SQL, once for SQLite and once for PostgreSQL.
#
#   BEACON_BIN=/path/to/released/beacon PG_URL=postgres://postgres@127.0.0.1:55432 \
#     Tests/BeaconStoreTests/Migrations/Fixtures/make-schema-fixtures.sh NAME
#
# writes NAME.sqlite.sql and NAME.postgres.sql beside this script. Every table gets a few rows:
# the CLI makes most of them (workspace, write keys, imported events and their import job,
# profiles, identifiers, a merge, the checkpoint, segments with members, changes and sizes, an
# API token, two users and a grant), the token API sets identity rules and adds a custom
# segment, and a session (only ever made by a browser sign-in) is inserted with SQL.
# Needs sqlite3, psql, pg_dump and curl.
#
# release-1 was made with the binary of commit 9061408, whose store code and migrations are
# those of the release before the store seam (67706c1).
set -eu
name=${1:?usage: make-schema-fixtures.sh NAME}
bin=${BEACON_BIN:?set BEACON_BIN to the released beacon binary}
pg=${PG_URL:?set PG_URL to a PostgreSQL server URL without a database}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two people, one seen first anonymously on two devices, whose profiles merge when the
# second device signs in; orders so the built-in segments have members.
cat > "$work/events.jsonl" <<'JSONL'
{"type":"page","messageId":"m-01","anonymousId":"anon-1","name":"Home","timestamp":"2024-03-01T10:00:00Z"}
{"type":"identify","messageId":"m-02","anonymousId":"anon-1","userId":"user-1","traits":{"email":"ada@example.com","name":"Ada"},"timestamp":"2024-03-01T10:05:00Z"}
{"type":"track","messageId":"m-03","userId":"user-1","event":"Order Completed","properties":{"order_id":"o-1","revenue":120.5,"currency":"EUR"},"timestamp":"2024-03-02T09:00:00Z"}
{"type":"page","messageId":"m-04","anonymousId":"anon-2","name":"Pricing","timestamp":"2024-03-03T08:00:00Z"}
{"type":"track","messageId":"m-05","anonymousId":"anon-2","userId":"user-1","event":"Signed In","timestamp":"2024-03-03T08:01:00Z"}
{"type":"identify","messageId":"m-06","userId":"user-2","traits":{"email":"bo@example.com"},"timestamp":"2024-03-04T12:00:00Z"}
{"type":"track","messageId":"m-07","userId":"user-2","event":"Order Completed","properties":{"order_id":"o-2","revenue":40,"currency":"EUR"},"timestamp":"2024-03-05T12:00:00Z"}
{"type":"track","messageId":"m-08","userId":"user-2","event":"Order Refunded","properties":{"order_id":"o-2","total":40,"currency":"EUR"},"timestamp":"2024-03-06T12:00:00Z"}
JSONL

fill() {  # $@: the store option for the binary
    "$bin" workspace create shop "$@" >/dev/null
    "$bin" workspace add-key shop --label app "$@" >/dev/null
    "$bin" import events --workspace shop "$work/events.jsonl" "$@" >/dev/null
    token=$("$bin" token create shop --label fixture "$@" | sed -n 's/^API token: //p')
    # Identity rules and a custom segment are set over the token API: run the server for that.
    "$bin" serve --port 18931 "$@" >"$work/serve.log" 2>&1 &
    server=$!
    until curl -sf http://127.0.0.1:18931/healthz >/dev/null; do sleep 0.2; done
    curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"limits": {"user_id": 2}}' http://127.0.0.1:18931/api/identity/rules >/dev/null
    curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"name": "Buyers", "rule": {"order_count": {"gte": 1}}}' http://127.0.0.1:18931/api/segments >/dev/null
    kill "$server"
    wait "$server" || true
    "$bin" rebuild --workspace shop "$@" >/dev/null
    "$bin" segments recompute shop --no-predictions "$@" >/dev/null
    echo 'admin password 1' | "$bin" user create --email admin@example.com --name Admin --admin --password-stdin "$@" >/dev/null
    echo 'member password 1' | "$bin" user create --email member@example.com --name Member --workspace shop --password-stdin "$@" >/dev/null
}
session="INSERT INTO dashboard_sessions (token_hash, user_id, created_at, expires_at)
  SELECT 'fixture-session-hash', id, 1709290000000, 4102444800000 FROM dashboard_users WHERE email = 'admin@example.com';"

fill --data-dir "$work/sqlite"
sqlite3 "$work/sqlite/beacon.sqlite" "$session"
sqlite3 "$work/sqlite/beacon.sqlite" .dump > "$here/$name.sqlite.sql"

db="beacon_fixture_$$"
psql "$pg/postgres" -qc "CREATE DATABASE $db" >/dev/null
fill --database-url "$pg/$db"
psql "$pg/$db" -qc "$session" >/dev/null
# Without pg_dump's \restrict guard lines, which psql before 15.14 does not know.
pg_dump --no-owner --no-privileges --inserts "$pg/$db" | grep -v '^\\\(un\)\?restrict ' > "$here/$name.postgres.sql"
psql "$pg/postgres" -qc "DROP DATABASE $db" >/dev/null
echo "wrote $here/$name.sqlite.sql and $here/$name.postgres.sql"
