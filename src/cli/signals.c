/* Interrupted runs: a signal that ends the program first removes the
 * temporary files of the outputs being written, so that Ctrl-C or a
 * killed job never leaves a half-written ".name.XXXXXX" beside the target
 * (the target itself is only ever replaced by a complete file). */
#include <signal.h>
#include <string.h>

#include "cli.h"

static void on_fatal_signal(int sig)
{
    coa_outfile_remove_temporaries();
    /* SA_RESETHAND has restored the default action: end as the signal
     * would have, so the caller sees the real cause (status 128 + sig) */
    raise(sig);
}

void cli_signals_install(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = (int)SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        /* a signal ignored by whoever started us (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
    /* past a file size limit (ulimit -f) the default action kills us with
     * the temporary file in place; ignored, write(2) fails with EFBIG and
     * the output is abandoned like any other failed write */
    signal(SIGXFSZ, SIG_IGN);
}
