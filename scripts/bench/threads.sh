# Sourced by the HTTP benchmarks (single-http.sh, batch-log.sh) when THREADS=1: the server's CPU
# time split by thread, to tell the request threads (Jetty's qtp…), the decision log's writer and
# the rest (compilers, GC, selectors…) apart.
# threads PID: each thread's id, name and user and system CPU ticks, one line per thread. The
# ticks are read after the ")" that ends the name in /proc/…/stat: a name with a blank in it
# ("C2 CompilerThre", "VM Thread") would shift the fields of a plain split by one.
threads() {
  for t in /proc/"$1"/task/*; do
    printf '%s %s %s\n' "${t##*/}" "$(tr -c 'A-Za-z0-9\n-' _ < "$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{ print $12, $13 }')"
  done 2> /dev/null
}
# split BEFORE AFTER N: user+system µs per unit (request or decision) of each group between two
# `threads` snapshots, over N units, thread by thread (by id): a thread started in between counts
# from zero; one that ended in between is left out (its last ticks are not known), rather than
# taken off its group as a whole.
split() {
  awk -v n="$3" -v tick="$(getconf CLK_TCK)" '
    function group(name) { return name ~ /^qtp/ ? "request-threads" : name ~ /^caveat-log-writ/ ? "log-writer" : "other" }
    FNR == NR { bu[$1] = $3; bs[$1] = $4; next }
    { g = group($2); u[g] += $3 - bu[$1]; s[g] += $4 - bs[$1] }
    END { for (g in u) printf "%s %.1f+%.1f  ", g, u[g] * 1e6 / tick / (n > 0 ? n : 1), s[g] * 1e6 / tick / (n > 0 ? n : 1) }
  ' "$1" "$2"
}
