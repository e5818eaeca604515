/* Clause boundaries (parsers.patterns.BOUNDARY) and where a trigger phrase
 * can start (parsers.patterns.TRIGGER_FIRST_WORDS); see scan.h. */
#include "scan.h"

/* flags per BMP code point for the boundary scan */
#define B_SPACE 1 /* \s */
#define B_UPPER 2 /* \p{Lu} */
#define B_DIGIT 4 /* \d */
#define B_NOTE 8  /* a footnote mark: [\d¹²³⁴-⁹!*] */

static unsigned char BFLAGS[BMP];
static PyObject *BNAMES[7]; /* semi, stop, colon, num, bullet, note (1..6) */
static int boundaries_ready = 0;

PyObject *scan_configure_boundaries(PyObject *self, PyObject *args) {
    Py_buffer flags;
    PyObject *names;
    if (!PyArg_ParseTuple(args, "y*O!", &flags, &PyTuple_Type, &names))
        return NULL;
    int ok = flags.len == (Py_ssize_t)sizeof(BFLAGS) && PyTuple_GET_SIZE(names) == 6;
    if (ok) {
        memcpy(BFLAGS, flags.buf, sizeof(BFLAGS));
        for (int i = 0; i < 6; i++) {
            Py_XDECREF(BNAMES[i + 1]);
            BNAMES[i + 1] = PyTuple_GET_ITEM(names, i);
            Py_INCREF(BNAMES[i + 1]);
        }
        boundaries_ready = 1;
    }
    PyBuffer_Release(&flags);
    if (!ok) {
        PyErr_SetString(PyExc_ValueError, "configure_boundaries: a 65536-byte table and six names");
        return NULL;
    }
    Py_RETURN_NONE;
}

#define BF(i) BFLAGS[RD(i)]
#define BLANK(i) (RD(i) == ' ' || RD(i) == '\t')

/* The boundary a line break at p opens, if any: its end, and its name in *code
 * (num, bullet or note, tried in that order as the pattern's alternation). */
static Py_ssize_t line_boundary(int kind, const void *data, Py_ssize_t p, Py_ssize_t hi, int *code) {
    Py_ssize_t q = p + 1, r, s;
    while (q < hi && BLANK(q))
        q++;
    if (q < hi) {
        /* num: \d+(?:\.\d+)*[.)] or [IVX]+\. then [ \t]; only the longest
         * run of dotted numbers can be followed by [.)] and a blank */
        r = q;
        if (BF(q) & B_DIGIT) {
            while (r < hi && (BF(r) & B_DIGIT))
                r++;
            while (r + 1 < hi && RD(r) == '.' && (BF(r + 1) & B_DIGIT)) {
                r++;
                while (r < hi && (BF(r) & B_DIGIT))
                    r++;
            }
            if (r + 1 < hi && (RD(r) == '.' || RD(r) == ')') && BLANK(r + 1)) {
                *code = 4;
                return r + 2;
            }
        } else if (RD(q) == 'I' || RD(q) == 'V' || RD(q) == 'X') {
            while (r < hi && (RD(r) == 'I' || RD(r) == 'V' || RD(r) == 'X'))
                r++;
            if (r + 1 < hi && RD(r) == '.' && BLANK(r + 1)) {
                *code = 4;
                return r + 2;
            }
        }
        /* bullet: [-+•*–] or [a-zđ]\) then [ \t] */
        Py_UCS4 c = RD(q);
        r = -1;
        if (c == '-' || c == '+' || c == 0x2022 || c == '*' || c == 0x2013)
            r = q + 1;
        else if (((c >= 'a' && c <= 'z') || c == 0x0111) && q + 1 < hi && RD(q + 1) == ')')
            r = q + 2;
        if (r >= 0 && r < hi && BLANK(r)) {
            *code = 5;
            return r + 1;
        }
        /* note: [\d¹²³⁴-⁹!*]{1,2} or \[\d{1,3}\], then [ \t]+ before a capital */
        r = -1;
        if (BF(q) & B_NOTE) {
            Py_ssize_t run = 0;
            while (run < 3 && q + run < hi && (BF(q + run) & B_NOTE))
                run++;
            if (run <= 2)
                r = q + run;
        } else if (c == '[') {
            Py_ssize_t d = 0;
            while (d < 4 && q + 1 + d < hi && (BF(q + 1 + d) & B_DIGIT))
                d++;
            if (d >= 1 && d <= 3 && q + 1 + d < hi && RD(q + 1 + d) == ']')
                r = q + 2 + d;
        }
        if (r >= 0) {
            s = r;
            while (s < hi && BLANK(s))
                s++;
            if (s > r && s < hi && (BF(s) & B_UPPER)) {
                *code = 6;
                return s;
            }
        }
    }
    /* note: a line of 8 or more blanks */
    if (q - (p + 1) >= 8 && q < hi && RD(q) == '\n') {
        *code = 6;
        return q;
    }
    return -1;
}

/* The first of ";", ".", ":", a line feed at or after p, or hi: every
 * boundary opens with one (16 or 8 characters at a time with SSE2). */
static Py_ssize_t next_mark(int kind, const void *data, Py_ssize_t p, Py_ssize_t hi) {
#ifdef __SSE2__
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = data;
        const __m128i semi = _mm_set1_epi16(';'), stop = _mm_set1_epi16('.'),
                      colon = _mm_set1_epi16(':'), lf = _mm_set1_epi16('\n');
        for (; p + 8 <= hi; p += 8) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + p));
            __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(v, semi), _mm_cmpeq_epi16(v, stop)),
                                       _mm_or_si128(_mm_cmpeq_epi16(v, colon), _mm_cmpeq_epi16(v, lf)));
            int bits = _mm_movemask_epi8(hit);
            if (bits)
                return p + (__builtin_ctz((unsigned)bits) >> 1);
        }
    } else if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = data;
        const __m128i semi = _mm_set1_epi8(';'), stop = _mm_set1_epi8('.'),
                      colon = _mm_set1_epi8(':'), lf = _mm_set1_epi8('\n');
        for (; p + 16 <= hi; p += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + p));
            __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, semi), _mm_cmpeq_epi8(v, stop)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, colon), _mm_cmpeq_epi8(v, lf)));
            int bits = _mm_movemask_epi8(hit);
            if (bits)
                return p + __builtin_ctz((unsigned)bits);
        }
    }
#endif
    for (; p < hi; p++) {
        Py_UCS4 c = RD(p);
        if (c == ';' || c == '.' || c == ':' || c == '\n')
            return p;
    }
    return hi;
}

/* boundaries(text, lo, hi) -> [(end, name)] as BOUNDARY.finditer(text, lo, hi)
 * gives (m.end(), m.lastgroup); None for a text with code points above the
 * BMP (the caller runs the pattern). */
PyObject *scan_boundaries(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t lo, hi;
    if (!scan_window_args(args, boundaries_ready, &text, &lo, &hi))
        return NULL;
    int kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_4BYTE_KIND)
        Py_RETURN_NONE;
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    Py_ssize_t p = lo;
    while ((p = next_mark(kind, data, p, hi)) < hi) {
        Py_UCS4 c = RD(p);
        Py_ssize_t end = -1, q;
        int code = 0;
        if (c == ';') {
            end = p + 1;
            code = 1;
        } else if (c == '.') {
            q = p + 1;
            while (q < hi && (BF(q) & B_SPACE))
                q++;
            if (q > p + 1 && q < hi && (BF(q) & (B_UPPER | B_DIGIT))) {
                end = p + 1;
                code = 2;
            }
        } else if (c == ':') {
            q = p + 1;
            while (q < hi && BLANK(q))
                q++;
            if (q < hi && RD(q) == '\n') {
                end = q + 1;
                code = 3;
            }
        } else if (c == '\n') {
            end = line_boundary(kind, data, p, hi, &code);
        }
        if (end < 0) {
            p++;
            continue;
        }
        PyObject *item = Py_BuildValue("(nO)", end, BNAMES[code]);
        if (!item || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(item);
        p = end;
    }
    return out;
}

/* --- The two words that open a phrase (the trigger phrases') -------------- */

#define MAX_WORDS 512
#define MAX_WORD 16
/* opening i: its first word, white space, its second word */
static Py_UCS4 WORDS[MAX_WORDS][2][MAX_WORD];
static int WORD_LEN[MAX_WORDS][2];
static int n_words = 0;
/* Per BMP code point, 1 + the first opening whose first word starts with it
 * (0: none, and most positions stop there); WORD_NEXT chains the openings
 * whose first words start with the same character. */
static unsigned short WORD_FIRST[BMP];
static int WORD_NEXT[MAX_WORDS];
/* The same per pair of ASCII characters opening a first word of two or more
 * (1 + the first such opening, PAIR_NEXT chaining them), and per character
 * for the other openings (REST_FIRST, REST_NEXT): at a position whose first
 * two characters are ASCII, only those two chains can match (the chain of a
 * first letter alone runs through every opening it starts, dozens). */
static unsigned short PAIR_FIRST[128][128];
static int PAIR_NEXT[MAX_WORDS];
static unsigned short REST_FIRST[BMP];
static int REST_NEXT[MAX_WORDS];

/* Check "first second" and, if store, read it into opening i; 0 with an
 * exception set if it is not two words of 1 to MAX_WORD characters opening
 * within the BMP. */
static int read_opening(PyObject *w, int i, int store) {
    if (!PyUnicode_Check(w) || PyUnicode_READY(w) < 0)
        goto bad;
    Py_ssize_t n = PyUnicode_GET_LENGTH(w), space = PyUnicode_FindChar(w, ' ', 0, n, 1);
    if (space < 1 || space > MAX_WORD || n - space - 1 < 1 || n - space - 1 > MAX_WORD
        || PyUnicode_FindChar(w, ' ', space + 1, n, 1) >= 0 || PyUnicode_READ_CHAR(w, 0) >= BMP)
        goto bad;
    if (!store)
        return 1;
    WORD_LEN[i][0] = (int)space;
    WORD_LEN[i][1] = (int)(n - space - 1);
    for (Py_ssize_t j = 0; j < space; j++)
        WORDS[i][0][j] = PyUnicode_READ_CHAR(w, j);
    for (Py_ssize_t j = space + 1; j < n; j++)
        WORDS[i][1][j - space - 1] = PyUnicode_READ_CHAR(w, j);
    return 1;
bad:
    PyErr_SetString(PyExc_ValueError,
                    "configure_words: \"first second\", two words of 1 to 16 characters, "
                    "opening within the BMP");
    return 0;
}

PyObject *scan_configure_words(PyObject *self, PyObject *arg) {
    if (!PyTuple_Check(arg) || PyTuple_GET_SIZE(arg) > MAX_WORDS) {
        PyErr_SetString(PyExc_ValueError, "configure_words: a tuple of at most 512 openings");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(arg);
    for (Py_ssize_t i = 0; i < n; i++) /* all checked first: a bad call changes nothing */
        if (!read_opening(PyTuple_GET_ITEM(arg, i), (int)i, 0))
            return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        read_opening(PyTuple_GET_ITEM(arg, i), (int)i, 1);
    memset(WORD_FIRST, 0, sizeof(WORD_FIRST));
    memset(PAIR_FIRST, 0, sizeof(PAIR_FIRST));
    memset(REST_FIRST, 0, sizeof(REST_FIRST));
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        Py_UCS4 c0 = WORDS[i][0][0], c1 = WORDS[i][0][1];
        WORD_NEXT[i] = WORD_FIRST[c0] - 1;
        WORD_FIRST[c0] = (unsigned short)(i + 1);
        if (WORD_LEN[i][0] >= 2 && c0 < 128 && c1 < 128) {
            PAIR_NEXT[i] = PAIR_FIRST[c0][c1] - 1;
            PAIR_FIRST[c0][c1] = (unsigned short)(i + 1);
        } else {
            REST_NEXT[i] = REST_FIRST[c0] - 1;
            REST_FIRST[c0] = (unsigned short)(i + 1);
        }
    }
    n_words = (int)n;
    Py_RETURN_NONE;
}

/* The word w (len) stands at p, all before hi. */
static int word_at(int kind, const void *data, Py_ssize_t p, Py_ssize_t hi,
                   const Py_UCS4 *w, int len) {
    if (p + len > hi)
        return 0;
    for (int j = 0; j < len; j++)
        if (RD(p + j) != w[j])
            return 0;
    return 1;
}

/* Opening i stands at p: its first word, white space, its second word, then
 * no ASCII letter, all before hi. */
static int opening_at(int kind, const void *data, Py_ssize_t p, Py_ssize_t hi, int i) {
    if (!word_at(kind, data, p, hi, WORDS[i][0], WORD_LEN[i][0]))
        return 0;
    Py_ssize_t q = p + WORD_LEN[i][0], r = q;
    while (r < hi && RD(r) < BMP && (BFLAGS[RD(r)] & B_SPACE))
        r++;
    if (r == q || !word_at(kind, data, r, hi, WORDS[i][1], WORD_LEN[i][1]))
        return 0;
    r += WORD_LEN[i][1];
    return !(r < hi && RD(r) >= 'a' && RD(r) <= 'z');
}

/* Some opening stands at p, whose first character c is one's. */
static int some_opening_at(int kind, const void *data, Py_ssize_t p, Py_ssize_t hi, Py_UCS4 c) {
    Py_UCS4 d = p + 1 < hi ? RD(p + 1) : BMP;
    if (c < 128 && d < 128) {
        for (int i = PAIR_FIRST[c][d] - 1; i >= 0; i = PAIR_NEXT[i])
            if (opening_at(kind, data, p, hi, i))
                return 1;
        for (int i = REST_FIRST[c] - 1; i >= 0; i = REST_NEXT[i])
            if (opening_at(kind, data, p, hi, i))
                return 1;
        return 0;
    }
    for (int i = WORD_FIRST[c] - 1; i >= 0; i = WORD_NEXT[i])
        if (opening_at(kind, data, p, hi, i))
            return 1;
    return 0;
}

/* word_starts(folded, lo, hi) -> [int]: positions in [lo, hi) not after an
 * ASCII letter where one of the configured openings stands: its first word,
 * white space (\s, the boundary table's), its second word, then no ASCII
 * letter, all before hi (a phrase of two or more words matches only there). */
PyObject *scan_word_starts(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t lo, hi;
    if (!scan_window_args(args, boundaries_ready && n_words > 0, &text, &lo, &hi))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    for (Py_ssize_t p = lo; p < hi; p++) {
        Py_UCS4 c = RD(p);
        if (c >= BMP || !WORD_FIRST[c])
            continue; /* no opening starts with it (the openings are BMP text) */
        if (p > 0) {
            Py_UCS4 b = RD(p - 1);
            if (b >= 'a' && b <= 'z')
                continue;
        }
        if (some_opening_at(kind, data, p, hi, c) && !scan_append_index(out, p)) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}
