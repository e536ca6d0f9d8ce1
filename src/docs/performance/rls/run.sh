#!/bin/sh
# Issue 4's cost of row-level security: the same statements as the table owner (no policies) and as a signed-in
# recruiter_app login (policies on), on the large data set (seed --scale large), the largest company's recruiter.
# Usage: run.sh HOST PORT TOKEN [SECONDS]   (TOKEN: recruiter.sign_in_start + sign_in_finish of aicha.nze@ogooue-energie.demo as the
# client login bench_client; bench.jobs_big / bench.candidates_big: parameter tables, see README in this folder)
H=$1; P=$2; T=$3; S=${4:-30}
cd "$(dirname "$0")"
NJ=$(psql -h "$H" -p "$P" -U postgres -d intowork -Atc "SELECT count(*) FROM bench.jobs_big")
NC=$(psql -h "$H" -p "$P" -U postgres -d intowork -Atc "SELECT count(*) FROM bench.candidates_big")
U=$(psql -h "$H" -p "$P" -U postgres -d intowork -Atc "SELECT id FROM users WHERE email = 'aicha.nze@ogooue-energie.demo'")
for script in pipeline board candidate; do
  for who in owner client; do
    # both sign in the same way (the owner, a superuser here, just ignores the policies), so the difference
    # is the policies alone; prepared statements, as the app's driver uses after five executions
    if [ "$who" = owner ]; then user=postgres; else user=bench_client; fi
    pgbench -n -h "$H" -p "$P" -U "$user" -M prepared -T "$S" -c 1 -r \
        -D token="$T" -D njobs="$NJ" -D ncandidates="$NC" -D u="$U" \
        -f "$script.sql" -l --log-prefix="/tmp/rls-$script-$who" intowork > "/tmp/rls-$script-$who.txt" 2>&1
    echo "== $script as $who"; grep -E "latency average|tps|^ +[0-9.]+ +[0-9]+ +SELECT (a\.|j\.|c\.)" "/tmp/rls-$script-$who.txt"
  done
done
