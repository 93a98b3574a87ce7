/* Fuzz target: format detection alone, every reader's detect function on
 * the same head, with and without a file name. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "coauthor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {NULL, "x.txt", "x.bib", "x.ris", "x.xml", "x.jsonl", "x.csv", "x.gz", ""};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *f = coa_detect_format(names[i], data, size);
        /* an answer must be one of the reader names */
        if (f) {
            const char *const *n = coa_format_names();
            while (*n && strcmp(*n, f) != 0)
                n++;
            if (!*n)
                __builtin_trap();
        }
    }
    return 0;
}
