# The one place the tests look up the project's shared real data: the
# folder ../shared/data beside the checkout, which every developer machine
# and CI have (it is never copied into the repository).  Source this from a
# test run at the repository root, then name the files the test reads:
#
#   . tests/shared-data.sh
#   need_shared acl/acl-main-2015-2021.bib.gz
#   coauthor stats "$SHARED/acl/acl-main-2015-2021.bib.gz"
#
# Where a file is missing, the test stops: on a user's clone it is skipped
# (exit 77, with one line that says why, which scripts/check.sh counts);
# under CI=true it fails, since CI must run every test.
SHARED=../shared/data
need_shared() {
    local f
    for f in "$@"; do
        [ -e "$SHARED/$f" ] && continue
        if [ "${CI:-}" = true ]; then
            echo "missing shared data: $SHARED/$f (CI must have ../shared/data beside the checkout)" >&2
            exit 1
        fi
        echo "skipped: needs $SHARED/$f, the project's shared real data, which this clone does not have beside it"
        exit 77
    done
}
