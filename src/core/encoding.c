/*
 * Character encodings of the input, as a streaming filter under the line
 * reader (src/core/input.c): every reader sees UTF-8 with LF line ends.
 *
 * What real exports hold, and what is done with it:
 *   - a UTF-8 byte-order mark (Scopus, Lens, Publish or Perish, WoS
 *     tab-delimited): dropped;
 *   - UTF-16 with a byte-order mark (Web of Science's "Tab-delimited (Mac,
 *     UTF-16)" and "(Win, UTF-16)" options): decoded to UTF-8, block by
 *     block, a character cut between two blocks carried over;
 *   - CR-only line ends (the same "Mac" option, old Mac files): when the
 *     first line end of the file is a lone CR, every CR becomes LF (a CRLF
 *     stays one line end), so that line numbers count as an editor does;
 *   - bytes that are not UTF-8 (Latin-1 and Windows-1252 BibTeX, CSV saved
 *     by Excel): decoded line by line as Windows-1252, and as Latin-1 for
 *     the five bytes Windows-1252 leaves undefined, so that no name gets a
 *     U+FFFD; the line reader warns once per file.  Valid UTF-8 sequences
 *     on such a line are kept: a Latin-1 text almost never holds one by
 *     chance (a letter from C2-F4 followed by one from 80-BF), while a
 *     UTF-8 file with one stray byte keeps its other characters.
 * Nothing here holds more than one block, so a reader that streams keeps
 * streaming.
 */
#include <string.h>

#include "core/input.h"

/* Windows-1252 for 0x80-0x9F; 0 where it has no character (Latin-1's C1
 * control is used there). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static size_t put_utf8(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t coa_cp1252_put(unsigned char byte, char *out)
{
    uint32_t cp = byte;
    if (byte >= 0x80 && byte < 0xA0 && cp1252_high[byte - 0x80])
        cp = cp1252_high[byte - 0x80];
    return put_utf8(cp, out);
}

const char *coa_encoding_name(int enc)
{
    switch (enc) {
    case COA_ENC_UTF16LE:
        return "UTF-16LE";
    case COA_ENC_UTF16BE:
        return "UTF-16BE";
    default:
        return "UTF-8";
    }
}

int coa_encoding_sniff(const unsigned char *s, size_t len, size_t *bom)
{
    *bom = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        *bom = 3;
        return COA_ENC_UTF8;
    }
    if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE && !(len >= 4 && s[2] == 0 && s[3] == 0)) {
        *bom = 2;
        return COA_ENC_UTF16LE;
    }
    if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        *bom = 2;
        return COA_ENC_UTF16BE;
    }
    return COA_ENC_UTF8;
}

size_t coa_utf16_decode(int enc, const unsigned char *src, size_t n, size_t *used, char *out)
{
    size_t i = 0, w = 0;
    int be = enc == COA_ENC_UTF16BE;
    while (i + 2 <= n) {
        uint32_t u = be ? (uint32_t)(src[i] << 8 | src[i + 1]) : (uint32_t)(src[i + 1] << 8 | src[i]);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 > n)
                break; /* the low half is in the next block */
            uint32_t lo = be ? (uint32_t)(src[i + 2] << 8 | src[i + 3]) : (uint32_t)(src[i + 3] << 8 | src[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                w += put_utf8(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), out + w);
                i += 4;
                continue;
            }
            u = 0xFFFD; /* a high half alone */
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            u = 0xFFFD; /* a low half alone */
        } else if (u == 0) {
            u = 0xFFFD; /* NUL is no text: the line reader would cut there */
        }
        w += put_utf8(u, out + w);
        i += 2;
    }
    *used = i;
    return w;
}
