#!/usr/bin/env bash
# Prints the include graph between the stages of the library (the folders
# of src/, with the public headers of include/ counted in the stage that
# implements them) as a table of edges with counts, then checks it against
# the layering: an include that points back up, or from or to a folder
# the layering does not know, is printed as FILE:LINE and the script
# exits 1.
#
#   scripts/include-graph.sh            the table, then the check
#   scripts/include-graph.sh --quiet    the check only
#
# The layering (a stage may include the headers of the stages listed after
# it, and its own):
#   core:    nothing
#   corpus:  core
#   read:    core corpus
#   graph:   core corpus
#   analyze: core corpus graph
#   load:    core corpus read graph analyze
#   write:   core corpus graph analyze
#   serve:   core corpus read graph analyze load write
#   cli:     everything
# A new folder of src/ or a new public header needs a line here.
set -u
cd "$(dirname "$0")/.."
quiet=0
[ "${1:-}" = --quiet ] && quiet=1

awk -v quiet="$quiet" '
BEGIN {
    order = "core corpus read graph analyze load write serve cli"
    n_levels = split(order, levels, " ")
    allow["core"] = ""
    allow["corpus"] = "core"
    allow["read"] = "core corpus"
    allow["graph"] = "core corpus"
    allow["analyze"] = "core corpus graph"
    allow["load"] = "core corpus read graph analyze"
    allow["write"] = "core corpus graph analyze"
    allow["serve"] = "core corpus read graph analyze load write"
    allow["cli"] = "core corpus read graph analyze load write serve"
    for (l in allow) {
        known[l] = 1
        n = split(allow[l], names, " ")
        for (i = 1; i <= n; i++)
            ok[l, names[i]] = 1
    }
    # public headers, by the stage that implements them
    pub["include/coauthor/common.h"] = "core"
    pub["include/coauthor/strpool.h"] = "core"
    pub["include/coauthor/corpus.h"] = "corpus"
    pub["include/coauthor/identity.h"] = "corpus"
    pub["include/coauthor/store.h"] = "corpus"
    pub["include/coauthor/read.h"] = "read"
    pub["include/coauthor/graph.h"] = "graph"
    pub["include/coauthor/index.h"] = "graph"
    pub["include/coauthor/view.h"] = "graph"
    pub["include/coauthor/names.h"] = "analyze"
    pub["include/coauthor/community.h"] = "analyze"
    pub["include/coauthor/path.h"] = "analyze"
    pub["include/coauthor/rank.h"] = "analyze"
    pub["include/coauthor/stats.h"] = "analyze"
    pub["include/coauthor/load.h"] = "load"
    pub["include/coauthor/draw.h"] = "write"
    pub["include/coauthor/export.h"] = "write"
    pub["include/coauthor/report.h"] = "write"
    pub["include/coauthor/write.h"] = "write"
    pub["include/coauthor/serve.h"] = "serve"
    pub["include/coauthor.h"] = "cli"     # the umbrella over every public header
    pub["src/internal.h"] = "corpus"      # forwards to corpus/internal.h
    bad = 0
}
function exists(p) { return (getline _line < p) >= 0 ? (close(p) || 1) : 0 }
# the stage of a file of src/ or include/, or "" for one outside them
function level(p,   parts) {
    if (p in pub)
        return pub[p]
    if (p ~ /^include\//)
        return "?" p
    split(p, parts, "/")
    if (parts[1] == "src" && parts[3] != "")
        return parts[2]
    return "?" p
}
FNR == 1 {
    dir = FILENAME
    sub(/[^\/]*$/, "", dir)
    from = level(FILENAME)
}
/^[ \t]*#[ \t]*include[ \t]*"/ {
    name = $0
    sub(/^[^"]*"/, "", name)
    sub(/".*/, "", name)
    # as the compiler looks: beside the file, then -Iinclude -Isrc
    if (exists(dir name)) path = dir name
    else if (exists("include/" name)) path = "include/" name
    else if (exists("src/" name)) path = "src/" name
    else next   # not ours (a generated or system header)
    while (sub(/[^\/]+\/\.\.\//, "", path)) ;
    to = level(path)
    if (from == to)
        next
    count[from, to]++
    if (!(from in known) || !(to in known)) {
        problems[++bad] = FILENAME ":" FNR ": " from " -> " to " (" name "): a folder or header the layering does not know"
    } else if (!ok[from, to]) {
        problems[++bad] = FILENAME ":" FNR ": " from " -> " to " (" name "): points back up"
    }
}
END {
    if (!quiet) {
        printf "%-8s    %-8s %s\n", "from", "to", "includes"
        for (i = 1; i <= n_levels; i++)
            for (j = 1; j <= n_levels; j++)
                if ((levels[i], levels[j]) in count)
                    printf "%-8s -> %-8s %d\n", levels[i], levels[j], count[levels[i], levels[j]]
        for (k in count) {
            split(k, ft, SUBSEP)
            if (!(ft[1] in known) || !(ft[2] in known))
                printf "%-8s -> %-8s %d\n", ft[1], ft[2], count[k]
        }
    }
    for (i = 1; i <= bad; i++)
        print problems[i]
    if (bad) {
        printf "%d include%s against the layering (scripts/include-graph.sh says which may include which)\n", bad, bad > 1 ? "s" : ""
        exit 1
    }
}
' $(find src include -name '*.[ch]' | sort)
