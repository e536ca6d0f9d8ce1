#!/bin/bash
# Times one statement in one signed-in session: 20 warm-ups, then 200 timed runs (psql \timing), p50 and p95.
# Usage: searchtime.sh HOST PORT DATABASE TOKEN 'SQL;'   (as the tables' owner; TOKEN: a recruiter.client_sessions
# token whose SHA-256 is stored, e.g. inserted by hand on a copy of the large data set, as decision 0013 did)
HOST=$1; PORT=$2; DB=$3; TOKEN=$4; SQL=$5
{ echo "BEGIN;"; echo "SELECT set_config('recruiter.session', '$TOKEN', true);"
  for i in $(seq 20); do echo "$SQL"; done; echo "\\timing on"
  for i in $(seq 200); do echo "$SQL"; done; echo "ROLLBACK;"; } \
 | psql -h "$HOST" -p "$PORT" -U postgres -d "$DB" -At 2>&1 | grep '^Time:' | tail -n 200 | awk '{print $2}' | sort -n \
 | awk '{a[NR]=$1} END {printf "p50 %.2f ms  p95 %.2f ms  (n=%d)\n", a[int(NR*0.5)], a[int(NR*0.95)], NR}'
