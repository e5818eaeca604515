/* parsers._scan: the two whole-text passes of the parser in compiled code.
 *
 * - fold(text) -> (folded, has_controls): one code point for one through a
 *   table (lowercase, diacritics stripped, control characters as spaces);
 * - cut_after_number(text) -> bool: a line ends in a dash or slash right after
 *   a number (parsers.patterns.DANGLING_HINT);
 * - boundaries(text, lo, hi) -> [(end, name)]: clause boundaries
 *   (parsers.patterns.BOUNDARY), exactly; None when the text has code points
 *   above the BMP, whose classes the tables do not hold;
 * - word_starts(folded, lo, hi) -> [int]: where a trigger phrase can start
 *   (its first word, in any of its OCR spellings, before white space);
 * - number_starts(text) -> [int]: where a number/symbol token
 *   (parsers.patterns.NUMBER_SYMBOL) can start. A superset: every position
 *   where the pattern matches is listed; the caller runs the pattern there, so
 *   the tokens found are exactly the pattern's own.
 *
 * Both read tables that parsers/scan.py builds from the parser's own fold
 * table and patterns; nothing about Vietnamese is written here. Code
 * points above the Basic Multilingual Plane fold to themselves and carry no
 * flag (for number_starts: never blocking, never skipped), which keeps the
 * superset a superset.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define BMP 0x10000

/* flags per BMP code point (parsers/scan.py: FLAG_*) */
#define F_BLOCK 1    /* may not stand right before a number */
#define F_GAP 2      /* may stand inside a separator's gap */
#define F_SEP 4      /* a dash or a slash */
#define F_START 8    /* may open a symbol part */
#define F_CUT 16     /* a dash or slash that can end a line cutting a number */
#define F_CUT_TAIL 32 /* may follow it before the line break */

static Py_UCS2 FOLD[BMP];
static unsigned char CONTROL[BMP]; /* 1 for a control character */
static unsigned char FLAGS[BMP];
static int fold_ready = 0, numbers_ready = 0;

/* How far the separator search looks; generous bounds keep the superset. */
#define GAP_REACH 13  /* a gap of up to 12 before a dash/slash */
#define PART_REACH 20 /* gap, doubled separator, gap: at most 17 */

static inline unsigned char flags_of(Py_UCS4 c) { return c < BMP ? FLAGS[c] : 0; }
static inline int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

static PyObject *configure_fold(PyObject *self, PyObject *args) {
    Py_buffer fold, control;
    if (!PyArg_ParseTuple(args, "y*y*", &fold, &control))
        return NULL;
    int ok = fold.len == (Py_ssize_t)sizeof(FOLD) && control.len == (Py_ssize_t)sizeof(CONTROL);
    if (ok) {
        memcpy(FOLD, fold.buf, sizeof(FOLD));
        memcpy(CONTROL, control.buf, sizeof(CONTROL));
        fold_ready = 1;
    }
    PyBuffer_Release(&fold);
    PyBuffer_Release(&control);
    if (!ok) {
        PyErr_SetString(PyExc_ValueError, "configure_fold: a 65536-entry uint16 table and a 65536-byte table");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *configure_numbers(PyObject *self, PyObject *arg) {
    Py_buffer flags;
    if (PyObject_GetBuffer(arg, &flags, PyBUF_SIMPLE) < 0)
        return NULL;
    int ok = flags.len == (Py_ssize_t)sizeof(FLAGS);
    if (ok) {
        memcpy(FLAGS, flags.buf, sizeof(FLAGS));
        numbers_ready = 1;
    }
    PyBuffer_Release(&flags);
    if (!ok) {
        PyErr_SetString(PyExc_ValueError, "configure_numbers: a 65536-byte table");
        return NULL;
    }
    Py_RETURN_NONE;
}

static int check_ready(int ready) {
    if (!ready)
        PyErr_SetString(PyExc_RuntimeError, "parsers._scan: configure its tables first");
    return ready;
}

/* A str argument whose tables are configured; 0 with an exception set if not. */
static int text_ready(PyObject *text, int ready) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "parsers._scan: a str");
        return 0;
    }
    return check_ready(ready) && PyUnicode_READY(text) == 0;
}

/* Append the index i to list; 0 with an exception set on failure. */
static int append_index(PyObject *list, Py_ssize_t i) {
    PyObject *v = PyLong_FromSsize_t(i);
    int ok = v != NULL && PyList_Append(list, v) == 0;
    Py_XDECREF(v);
    return ok;
}

static PyObject *fold(PyObject *self, PyObject *text) {
    if (!text_ready(text, fold_ready))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int controls = 0;
    PyObject *out;
    if (kind == PyUnicode_4BYTE_KIND) {
        Py_UCS4 *buf = PyMem_Malloc((n ? n : 1) * sizeof(Py_UCS4));
        if (!buf)
            return PyErr_NoMemory();
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c < BMP) {
                controls |= CONTROL[c];
                c = FOLD[c];
            }
            buf[i] = c;
        }
        out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
        PyMem_Free(buf);
    } else {
        Py_UCS2 *buf = PyMem_Malloc((n ? n : 1) * sizeof(Py_UCS2));
        if (!buf)
            return PyErr_NoMemory();
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *s = data;
            for (Py_ssize_t i = 0; i < n; i++) {
                controls |= CONTROL[s[i]];
                buf[i] = FOLD[s[i]];
            }
        } else {
            const Py_UCS2 *s = data;
            for (Py_ssize_t i = 0; i < n; i++) {
                controls |= CONTROL[s[i]];
                buf[i] = FOLD[s[i]];
            }
        }
        out = PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, buf, n);
        PyMem_Free(buf);
    }
    if (!out)
        return NULL;
    return Py_BuildValue("(NO)", out, controls ? Py_True : Py_False);
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

static PyObject *number_starts(PyObject *self, PyObject *text) {
    if (!text_ready(text, numbers_ready))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    Py_ssize_t i = 0;
    while (i < n) {
        if (!is_digit(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t s = i;
        while (i < n && is_digit(PyUnicode_READ(kind, data, i)))
            i++;
        if (i - s > 5 || (s > 0 && (flags_of(PyUnicode_READ(kind, data, s - 1)) & F_BLOCK)))
            continue;
        Py_ssize_t q = tail_end(kind, data, n, i);
        if (sep_follows(kind, data, n, i) || (q >= 0 && sep_follows(kind, data, n, q))) {
            if (!append_index(out, s)) {
                Py_DECREF(out);
                return NULL;
            }
        }
    }
    return out;
}

/* A line ends in a dash or slash right after a number ("Kết luận số 103-"):
 * [0-9][ \t]* CUT CUT_TAIL* \n, read backwards from each line break. */
static PyObject *cut_after_number(PyObject *self, PyObject *text) {
    if (!text_ready(text, numbers_ready))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyUnicode_READ(kind, data, i) != '\n')
            continue;
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

/* --- Clause boundaries (parsers.patterns.BOUNDARY) --------------------------- */

/* flags per BMP code point for the boundary scan */
#define B_SPACE 1 /* \s */
#define B_UPPER 2 /* \p{Lu} */
#define B_DIGIT 4 /* \d */
#define B_NOTE 8  /* a footnote mark: [\d¹²³⁴-⁹!*] */

static unsigned char BFLAGS[BMP];
static PyObject *BNAMES[7]; /* semi, stop, colon, num, bullet, note (1..6) */
static int boundaries_ready = 0;

static PyObject *configure_boundaries(PyObject *self, PyObject *args) {
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

#define RD(i) PyUnicode_READ(kind, data, (i))
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

/* boundaries(text, lo, hi) -> [(end, name)] as BOUNDARY.finditer(text, lo, hi)
 * gives (m.end(), m.lastgroup); None for a text with code points above the
 * BMP (the caller runs the pattern). */
static PyObject *boundaries(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t lo, hi;
    if (!PyArg_ParseTuple(args, "Unn", &text, &lo, &hi))
        return NULL;
    if (!text_ready(text, boundaries_ready))
        return NULL;
    int kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_4BYTE_KIND)
        Py_RETURN_NONE;
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (hi > n)
        hi = n;
    if (lo < 0)
        lo = 0;
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    Py_ssize_t p = lo;
    while (p < hi) {
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

/* --- Words that open a phrase (the trigger phrases' first words) ------------ */

#define MAX_WORDS 256
#define MAX_WORD 16
static Py_UCS4 WORDS[MAX_WORDS][MAX_WORD];
static int WORD_LEN[MAX_WORDS];
static int n_words = 0;

static PyObject *configure_words(PyObject *self, PyObject *arg) {
    if (!PyTuple_Check(arg) || PyTuple_GET_SIZE(arg) > MAX_WORDS) {
        PyErr_SetString(PyExc_ValueError, "configure_words: a tuple of at most 256 words");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(arg);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PyTuple_GET_ITEM(arg, i);
        if (!PyUnicode_Check(w) || PyUnicode_READY(w) < 0 || PyUnicode_GET_LENGTH(w) < 1
            || PyUnicode_GET_LENGTH(w) > MAX_WORD) {
            PyErr_SetString(PyExc_ValueError, "configure_words: words of 1 to 16 characters");
            return NULL;
        }
        WORD_LEN[i] = (int)PyUnicode_GET_LENGTH(w);
        for (int j = 0; j < WORD_LEN[i]; j++)
            WORDS[i][j] = PyUnicode_READ_CHAR(w, j);
    }
    n_words = (int)n;
    Py_RETURN_NONE;
}

/* word_starts(folded, lo, hi) -> [int]: positions in [lo, hi) not after an
 * ASCII letter where one of the configured words stands, followed by white
 * space (\s, the boundary table's), all before hi. */
static PyObject *word_starts(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t lo, hi;
    if (!PyArg_ParseTuple(args, "Unn", &text, &lo, &hi))
        return NULL;
    if (!text_ready(text, boundaries_ready && n_words > 0))
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (hi > n)
        hi = n;
    if (lo < 0)
        lo = 0;
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    for (Py_ssize_t p = lo; p < hi; p++) {
        Py_UCS4 c = RD(p);
        if (p > 0) {
            Py_UCS4 b = RD(p - 1);
            if (b >= 'a' && b <= 'z')
                continue;
        }
        for (int i = 0; i < n_words; i++) {
            int len = WORD_LEN[i];
            if (WORDS[i][0] != c || p + len >= hi)
                continue;
            int j = 1;
            while (j < len && RD(p + j) == WORDS[i][j])
                j++;
            if (j < len)
                continue;
            Py_UCS4 after = RD(p + len);
            if (after < BMP && (BFLAGS[after] & B_SPACE)) {
                if (!append_index(out, p)) {
                    Py_DECREF(out);
                    return NULL;
                }
                break;
            }
        }
    }
    return out;
}

static PyMethodDef methods[] = {
    {"configure_fold", configure_fold, METH_VARARGS, "configure_fold(fold, control): uint16 fold and control flag per BMP code point."},
    {"configure_numbers", configure_numbers, METH_O, "configure_numbers(flags): number/symbol flags per BMP code point."},
    {"fold", fold, METH_O, "fold(text) -> (folded, has_controls)."},
    {"number_starts", number_starts, METH_O, "number_starts(text) -> positions where a number/symbol token can start (a superset)."},
    {"cut_after_number", cut_after_number, METH_O, "cut_after_number(text) -> a line ends in a dash or slash after a number."},
    {"configure_boundaries", configure_boundaries, METH_VARARGS, "configure_boundaries(flags, names): clause boundary flags and group names."},
    {"boundaries", boundaries, METH_VARARGS, "boundaries(text, lo, hi) -> [(end, name)] as BOUNDARY.finditer, or None above the BMP."},
    {"configure_words", configure_words, METH_O, "configure_words(words): the words word_starts looks for."},
    {"word_starts", word_starts, METH_VARARGS, "word_starts(folded, lo, hi) -> positions where a configured word stands before white space."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_scan", "Compiled whole-text passes of the parser (see parsers/scan.py).", -1, methods,
};

PyMODINIT_FUNC PyInit__scan(void) { return PyModule_Create(&module); }
