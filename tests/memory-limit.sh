# The peak-memory limit of the tests that read bombs and large files
# (tests/scripts/memory-bombs.sh, stream-bibutils.sh): sourced, it sets
# limit_kb to 100 MB.  Under AddressSanitizer (the build/san binary) freed
# memory is held in a quarantine (256 MB by default) and shadow memory
# comes on top: the quarantine is made small, and the limit is 200 MB to
# allow for the shadow.
limit_kb=$((100 * 1024))
case "$COAUTHOR" in
*san*)
    limit_kb=$((200 * 1024))
    export ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=8"
    ;;
esac
