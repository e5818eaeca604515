/* Number/symbol tokens (parsers.patterns.NUMBER_SYMBOL, SPACED_PARTY) and a
 * number cut at a line end (DANGLING_HINT); see scan.h.
 *
 * number_tokens(text) lists where a token can start: a superset, every
 * position where the pattern matches is listed, and the caller runs the
 * pattern there (or takes the end of a plain token read here), so the tokens
 * found are exactly the pattern's own. */
#include "scan.h"

/* flags per BMP code point (parsers/scan.py: FLAG_*) */
#define F_BLOCK 1    /* may not stand right before a number */
#define F_GAP 2      /* may stand inside a separator's gap */
#define F_SEP 4      /* a dash or a slash */
#define F_START 8    /* may open a symbol part */
#define F_CUT 16     /* a dash or slash that can end a line cutting a number */
#define F_CUT_TAIL 32 /* may follow it before the line break */
#define F_SPACED_DASH 64     /* the dash of "58 - QĐ/TU" */
#define F_SPACED_CAPITAL 128 /* may open the part after it */

static unsigned char FLAGS[BMP];
static int numbers_ready = 0;

/* How far the separator search looks; generous bounds keep the superset. */
#define GAP_REACH 13  /* a gap of up to 12 before a dash/slash */
#define PART_REACH 20 /* gap, doubled separator, gap: at most 17 */

static inline unsigned char flags_of(Py_UCS4 c) { return c < BMP ? FLAGS[c] : 0; }

PyObject *scan_configure_numbers(PyObject *self, PyObject *arg) {
    if (!scan_read_table(arg, FLAGS, sizeof(FLAGS), "configure_numbers"))
        return NULL;
    numbers_ready = 1;
    Py_RETURN_NONE;
}

/* A symbol part or a year ("19xx"/"20xx") can start after the separator at
 * i - 1: skipping gap and separator characters (a gap, a doubled separator,
 * a gap), a character that opens a part, or a year's four digits. */
static int part_follows(int kind, const void *data, Py_ssize_t n, Py_ssize_t i) {
    Py_ssize_t lim = i + PART_REACH;
    for (; i < n && i < lim; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        unsigned char f = flags_of(c);
        if (f & F_START)
            return 1;
        if ((c == '1' || c == '2') && i + 3 < n) {
            Py_UCS4 c1 = PyUnicode_READ(kind, data, i + 1);
            if (((c == '1' && c1 == '9') || (c == '2' && c1 == '0'))
                && is_digit(PyUnicode_READ(kind, data, i + 2))
                && is_digit(PyUnicode_READ(kind, data, i + 3)))
                return 1;
        }
        if (!(f & (F_GAP | F_SEP)))
            return 0;
    }
    return 0;
}

/* A separator starts at q (a dash or slash, before or after a gap) and a
 * part can follow it. */
static int sep_follows(int kind, const void *data, Py_ssize_t n, Py_ssize_t q) {
    Py_ssize_t lim = q + GAP_REACH;
    for (Py_ssize_t j = q; j < n && j < lim; j++) {
        unsigned char f = flags_of(PyUnicode_READ(kind, data, j));
        if ((f & F_SEP) && part_follows(kind, data, n, j + 1))
            return 1;
        if (!(f & (F_GAP | F_SEP)))
            return 0;
    }
    return 0;
}

/* End of the run of ASCII digits from i, or -1 if it is not 1..most long. */
static Py_ssize_t digits_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t i, int most) {
    Py_ssize_t j = i;
    while (j < n && is_digit(PyUnicode_READ(kind, data, j)))
        j++;
    return (j > i && j - i <= most) ? j : -1;
}

/* The number's optional tail ("66.7/", "12a/", "136-12/"): where the
 * separator would start after it, or -1. */
static Py_ssize_t tail_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t p) {
    if (p >= n)
        return -1;
    Py_UCS4 c = PyUnicode_READ(kind, data, p);
    if (c == '.')
        return digits_end(kind, data, n, p + 1, 3);
    if (c == '-')
        return digits_end(kind, data, n, p + 1, 4);
    if (c >= 'a' && c <= 'z')
        return p + 1;
    return -1;
}

/* The first ASCII digit at or after i, or n: one loop per string kind, the
 * scan every character of every text goes through (16 or 8 characters at a
 * time where SSE2 is: x86-64 always has it). */
#define SKIP_TO_DIGIT(T)                                   \
    do {                                                   \
        const T *s = (const T *)data;                      \
        while (i < n && (Py_UCS4)(s[i] - '0') > 9)        \
            i++;                                           \
    } while (0)

static Py_ssize_t next_digit(int kind, const void *data, Py_ssize_t n, Py_ssize_t i) {
#ifdef __SSE2__
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = data;
        const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
        for (; i + 16 <= n; i += 16) {
            /* c - '0' (wrapping) <= 9: what saturating 9 away leaves at 0 */
            __m128i d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(s + i)), zero);
            int hit = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_subs_epu8(d, nine),
                                                       _mm_setzero_si128()));
            if (hit)
                return i + __builtin_ctz((unsigned)hit);
        }
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = data;
        const __m128i zero = _mm_set1_epi16('0'), nine = _mm_set1_epi16(9);
        for (; i + 8 <= n; i += 8) {
            __m128i d = _mm_sub_epi16(_mm_loadu_si128((const __m128i *)(s + i)), zero);
            int hit = _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_subs_epu16(d, nine),
                                                        _mm_setzero_si128()));
            if (hit)
                return i + (__builtin_ctz((unsigned)hit) >> 1);
        }
    }
#endif
    if (kind == PyUnicode_1BYTE_KIND)
        SKIP_TO_DIGIT(Py_UCS1);
    else if (kind == PyUnicode_2BYTE_KIND)
        SKIP_TO_DIGIT(Py_UCS2);
    else
        SKIP_TO_DIGIT(Py_UCS4);
    return i;
}

/* The first line feed at or after i, or n (one loop per string kind). */
static Py_ssize_t next_newline(int kind, const void *data, Py_ssize_t n, Py_ssize_t i) {
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = data;
        const void *at = i < n ? memchr(s + i, '\n', (size_t)(n - i)) : NULL;
        return at ? (const Py_UCS1 *)at - s : n;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = data;
#ifdef __SSE2__
        const __m128i lf = _mm_set1_epi16('\n');
        for (; i + 8 <= n; i += 8) {
            int hit = _mm_movemask_epi8(
                _mm_cmpeq_epi16(_mm_loadu_si128((const __m128i *)(s + i)), lf));
            if (hit)
                return i + (__builtin_ctz((unsigned)hit) >> 1);
        }
#endif
        while (i < n && s[i] != '\n')
            i++;
        return i;
    }
    const Py_UCS4 *s = data;
    while (i < n && s[i] != '\n')
        i++;
    return i;
}

/* The end of a run of 1 to 3 blanks (space, tab) from i, or -1. */
static Py_ssize_t blanks_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t i) {
    Py_ssize_t j = i;
    while (j < n && j - i < 4 && (RD(j) == ' ' || RD(j) == '\t'))
        j++;
    return (j > i && j - i <= 3) ? j : -1;
}

/* A dash spaced on both sides after the digit before i ("58 - QĐ/TU"):
 * [ \t]{1,3} DASH [ \t]{1,3} CAPITAL (SPACED_HINT). The blanks and the dash
 * are apart, so the run of blanks decides: no backtracking is needed. */
static int spaced_after(int kind, const void *data, Py_ssize_t n, Py_ssize_t i) {
    Py_ssize_t d = blanks_end(kind, data, n, i);
    if (d < 0 || d >= n || !(flags_of(RD(d)) & F_SPACED_DASH))
        return 0;
    Py_ssize_t c = blanks_end(kind, data, n, d + 1);
    return c >= 0 && c < n && (flags_of(RD(c)) & F_SPACED_CAPITAL);
}

/* --- Plain tokens read by hand -------------------------------------------------
 *
 * Most tokens have the plain form "58/QĐ-UBND", "10/2025/NQ-HĐND": a number,
 * one separator, maybe a year and one separator, then capitals parts joined by
 * single separators, ended by white space or punctuation. For such a token the
 * end NUMBER_SYMBOL matches is read here; anywhere the pattern could read more
 * (a gap, a doubled separator, a letter, a dot before a part character, a
 * bracket, a blank before a digit, white space before a separator) the pass
 * gives -1 and the pattern decides. Flags come from parsers/scan.py (TOKEN_*). */
#define T_CAP 1  /* opens a part */
#define T_BODY 2 /* goes on with a part */
#define T_END 4  /* may end the token (not a letter) */
#define T_SEP 8  /* a separator the plain form uses */
#define T_DOT 16 /* goes on with a part when a body character follows it */

static unsigned char TFLAGS[BMP];
static int tokens_ready = 0;

PyObject *scan_configure_tokens(PyObject *self, PyObject *arg) {
    if (!scan_read_table(arg, TFLAGS, sizeof(TFLAGS), "configure_tokens"))
        return NULL;
    tokens_ready = 1;
    Py_RETURN_NONE;
}

static inline unsigned char tflags_of(Py_UCS4 c) { return c < BMP ? TFLAGS[c] : 0; }

/* The end of the plain token whose number's digits end at i, or -1. */
static Py_ssize_t plain_token_end(int kind, const void *data, Py_ssize_t n, Py_ssize_t i) {
    if (i >= n || !(tflags_of(RD(i)) & T_SEP))
        return -1;
    i++;
    if (i < n && is_digit(RD(i))) { /* a year, 19xx or 20xx, and a separator */
        if (i + 4 >= n)
            return -1;
        Py_UCS4 a = RD(i), b = RD(i + 1);
        if (!((a == '1' && b == '9') || (a == '2' && b == '0')) || !is_digit(RD(i + 2))
            || !is_digit(RD(i + 3)) || !(tflags_of(RD(i + 4)) & T_SEP))
            return -1;
        i += 5;
    }
    Py_ssize_t end = -1;
    for (int parts = 0; parts < 6; parts++) {
        if (i >= n || !(tflags_of(RD(i)) & T_CAP))
            return -1;
        Py_ssize_t k = i + 1;
        while (k < n && (tflags_of(RD(k)) & T_BODY))
            k++;
        end = k;
        if (k == n)
            return end;
        Py_UCS4 c = RD(k);
        unsigned char f = tflags_of(c);
        if (f & T_SEP) {
            if (k + 1 >= n)
                return end;
            Py_UCS4 d = RD(k + 1);
            if (tflags_of(d) & T_CAP) {
                i = k + 1; /* the next part */
                continue;
            }
            if (flags_of(d) & (F_GAP | F_SEP))
                return -1; /* a gap or a doubled separator: the pattern decides */
            return end;    /* no part opens there: the token ends before the separator */
        }
        if (!(f & T_END))
            return -1; /* a letter, a bracket, …: the pattern decides */
        if ((f & T_DOT) && k + 1 < n && (tflags_of(RD(k + 1)) & T_BODY))
            return -1; /* a dotted part ("QĐ.2") */
        if ((c == ' ' || c == '\t') && k + 1 < n && is_digit(RD(k + 1)))
            return -1; /* a term typed apart ("QH 11") */
        Py_ssize_t q = k; /* a separator after white space may go on ("UBND -QĐ") */
        while (q < n && q - k <= 12 && (flags_of(RD(q)) & F_GAP))
            q++;
        if (q < n && (flags_of(RD(q)) & F_SEP))
            return -1;
        return end;
    }
    return end; /* six parts: the pattern takes no more */
}

/* number_tokens(text) -> ([start, end, start, end, …], spaced): every place a
 * token can start (a superset), with the end of its plain form or -1;
 * and whether a dash spaced on both sides follows a number (as
 * SPACED_HINT.search), read at the same runs of digits. */
PyObject *scan_number_tokens(PyObject *self, PyObject *text) {
    if (!scan_text_ready(text, numbers_ready && tokens_ready))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    int spaced = 0;
    Py_ssize_t i = 0;
    while ((i = next_digit(kind, data, n, i)) < n) {
        Py_ssize_t s = i;
        while (i < n && is_digit(RD(i)))
            i++;
        spaced = spaced || spaced_after(kind, data, n, i);
        if (i - s > 5 || (s > 0 && (flags_of(RD(s - 1)) & F_BLOCK)))
            continue;
        Py_ssize_t q = tail_end(kind, data, n, i);
        if (sep_follows(kind, data, n, i) || (q >= 0 && sep_follows(kind, data, n, q))) {
            /* (a code point beyond the BMP before it carries no flag: the pattern decides) */
            Py_ssize_t end = s > 0 && RD(s - 1) >= BMP ? -1 : plain_token_end(kind, data, n, i);
            if (!scan_append_index(out, s) || !scan_append_index(out, end)) {
                Py_DECREF(out);
                return NULL;
            }
        }
    }
    return Py_BuildValue("(NO)", out, spaced ? Py_True : Py_False);
}

/* A line ends in a dash or slash right after a number ("Kết luận số 103-"):
 * [0-9][ \t]* CUT CUT_TAIL* \n, read backwards from each line break. */
PyObject *scan_cut_after_number(PyObject *self, PyObject *text) {
    if (!scan_text_ready(text, numbers_ready))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; (i = next_newline(kind, data, n, i)) < n; i++) {
        Py_ssize_t j = i - 1;
        while (j >= 0 && (flags_of(PyUnicode_READ(kind, data, j)) & F_CUT_TAIL))
            j--;
        if (j < 0 || !(flags_of(PyUnicode_READ(kind, data, j)) & F_CUT))
            continue;
        j--;
        while (j >= 0 && (PyUnicode_READ(kind, data, j) == ' ' || PyUnicode_READ(kind, data, j) == '\t'))
            j--;
        if (j >= 0 && is_digit(PyUnicode_READ(kind, data, j)))
            Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

