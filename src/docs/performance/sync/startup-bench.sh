#!/bin/bash
# Wall time of `sync status` and `sync pull` with the jar before (de0b3c4) and after the start-up work, interleaved.
# Each variant has its own data folder; the "server" is the embedded demo database in that folder.
B=${B:-/tmp/wtsync-bench}  # holds before/ and after/, each a packaged intowork-recruiter.jar with its lib/
t() { # variant args...
  local v=$1; shift
  local s=$(date +%s%N)
  echo "Demo-Recruteur-2026!" | INTOWORK_DATA_DIR=$B/data-$v INTOWORK_USER_CONFIG=$B/u.properties \
    INTOWORK_MACHINE_CONFIG=$B/m.properties java -jar $B/$v/intowork-recruiter.jar "$@" > $B/last-$v.out 2>&1
  local rc=$?
  echo "$v $* -> exit $rc, $(( ($(date +%s%N)-s)/1000000 )) ms"
}
rm -rf $B/data-before $B/data-after
for v in before after; do t $v sync status; done          # first creation of the copy
for i in 1 2 3 4 5; do for v in before after; do t $v sync status; done; done
for v in before after; do t $v sync pull --email ines.moukagni@hiring-manager.demo --password-stdin; done  # demo seeded
for i in 1 2 3 4 5; do for v in before after; do t $v sync pull --email ines.moukagni@hiring-manager.demo --password-stdin; done; done
