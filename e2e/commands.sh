#!/usr/bin/env bash
# Checks that the command line is quiet and harmless: --help and bad arguments touch no
# database, a new SQLite file is announced, migrations print one line, and backup/restore work
# and refuse what would lose data. Uses the built binary (.build/debug/lumbung by default).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=$(pwd)/${LUMBUNG_BIN:-.build/debug/lumbung}
WORK=$(mktemp -d /tmp/lumbung-commands.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
unset DATABASE_URL
failures=0
check() { # description, command...
    local what=$1; shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
no_database() { [[ ! -e lumbung.sqlite ]]; }

"$BIN" agency create --help >help.txt 2>&1
check "agency create --help prints help" grep -q "Creates an agency" help.txt
check "agency create --help makes no database" no_database
"$BIN" serve --help >help.txt 2>&1
check "serve --help mentions --demo" grep -q -- "--demo" help.txt
check "serve --help makes no database" no_database
if "$BIN" serve --no-such-flag >bad.txt 2>&1; then echo "FAIL serve --no-such-flag succeeded"; failures=$((failures + 1)); fi
check "serve with a bad flag says so in one line" test "$(grep -c 'lumbung:' bad.txt)" = 1
check "serve with a bad flag makes no database" no_database
if "$BIN" user create --email a@contoh.go.id --name A --role kepala >bad.txt 2>&1; then failures=$((failures + 1)); fi
check "a bad role is named" grep -q -- "--role must be one of" bad.txt
check "a bad role makes no database" no_database
if "$BIN" agency create --code "" --name X >bad.txt 2>&1; then failures=$((failures + 1)); fi
check "a bad agency argument is named" grep -q -- "--code" bad.txt
check "a bad agency argument makes no database" no_database
if echo 'pendek' | "$BIN" user create --email a@contoh.go.id --name A --role admin >bad.txt 2>&1; then failures=$((failures + 1)); fi
check "a short password is refused" grep -qi "password" bad.txt
check "a short password makes no database" no_database

"$BIN" export registri.csv >first.txt 2>&1
check "the first command says which file it creates" grep -q "creating a new database: $WORK/lumbung.sqlite" first.txt
check "migrations print one line" test "$(grep -c 'Database updated' first.txt)" = 1
"$BIN" export registri2.csv >second.txt 2>&1
check "a second command prints no migration line" bash -c "! grep -q 'Database updated\|Migrat' second.txt"
check "a second command announces no new file" bash -c "! grep -q 'creating a new database' second.txt"
"$BIN" migrate >migrate.txt 2>&1
check "migrate with nothing to do says so in one line" test "$(cat migrate.txt)" = "Database is up to date."
DATABASE_URL="sqlite://$WORK/baru.sqlite" "$BIN" migrate >migrate.txt 2>&1
check "migrate on a new file announces it and prints one migration line" \
    bash -c "grep -q 'creating a new database: $WORK/baru.sqlite' migrate.txt && test \$(grep -c 'Database updated' migrate.txt) = 1 && test \$(wc -l < migrate.txt) = 2"

echo 'kata-sandi-admin-1' | "$BIN" user create --email admin@contoh.go.id --name "Admin Biro" --role admin >/dev/null
"$BIN" backup cadangan.bak >/dev/null
check "backup writes a file" test -s cadangan.bak
if "$BIN" backup cadangan.bak >bad.txt 2>&1; then failures=$((failures + 1)); fi
check "backup never overwrites" grep -q "already exists" bad.txt
DATABASE_URL="sqlite://$WORK/pulih.sqlite" "$BIN" restore cadangan.bak >/dev/null
check "restore fills an empty database" bash -c "DATABASE_URL=sqlite://$WORK/pulih.sqlite '$BIN' export pulih.csv >/dev/null && test -s pulih.csv"
if DATABASE_URL="sqlite://$WORK/pulih.sqlite" "$BIN" restore cadangan.bak >bad.txt 2>&1; then failures=$((failures + 1)); fi
check "restore refuses a database that has tables" grep -q "not empty" bad.txt

echo "$failures failures"
[[ $failures == 0 ]]
