/* The fold, the helpers every pass shares, and the module (see scan.h). */
#include "scan.h"
#include "nfc_table.h" /* written by setup.py: NFC_SUSPECT, NFC_UNIDATA_VERSION */

/* 1 for a BMP code point that may make a text not NFC: a combining mark, a
 * character NFC changes, one that may compose with the one before it */
#define SUSPECT(c) ((NFC_SUSPECT[(c) >> 3] >> ((c) & 7)) & 1)

static Py_UCS2 FOLD[BMP];
/* per BMP code point: 1 for a control character, | 2 where it may make a text
 * not NFC (SUSPECT): one lookup gives both to the fold's loop */
static unsigned char CONTROL[BMP];
static int fold_ready = 0;

PyObject *scan_configure_fold(PyObject *self, PyObject *args) {
    Py_buffer fold, control;
    if (!PyArg_ParseTuple(args, "y*y*", &fold, &control))
        return NULL;
    int ok = fold.len == (Py_ssize_t)sizeof(FOLD) && control.len == (Py_ssize_t)sizeof(CONTROL);
    if (ok) {
        memcpy(FOLD, fold.buf, sizeof(FOLD));
        memcpy(CONTROL, control.buf, sizeof(CONTROL));
        for (Py_ssize_t c = 0; c < BMP; c++)
            CONTROL[c] = (CONTROL[c] ? 1 : 0) | (SUSPECT(c) << 1);
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

int scan_check_ready(int ready) {
    if (!ready)
        PyErr_SetString(PyExc_RuntimeError, "parsers._scan: configure its tables first");
    return ready;
}

/* Copy the buffer arg (exactly size bytes) into dest; 0 with an exception
 * set (naming the call what) if it is not such a buffer. */
int scan_read_table(PyObject *arg, void *dest, size_t size, const char *what) {
    Py_buffer table;
    if (PyObject_GetBuffer(arg, &table, PyBUF_SIMPLE) < 0)
        return 0;
    int ok = table.len == (Py_ssize_t)size;
    if (ok)
        memcpy(dest, table.buf, size);
    PyBuffer_Release(&table);
    if (!ok)
        PyErr_Format(PyExc_ValueError, "%s: a %zu-byte table", what, size);
    return ok;
}

/* A str argument whose tables are configured; 0 with an exception set if not. */
int scan_text_ready(PyObject *text, int ready) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "parsers._scan: a str");
        return 0;
    }
    return scan_check_ready(ready) && PyUnicode_READY(text) == 0;
}

/* Append the index i to list; 0 with an exception set on failure. */
int scan_append_index(PyObject *list, Py_ssize_t i) {
    PyObject *v = PyLong_FromSsize_t(i);
    int ok = v != NULL && PyList_Append(list, v) == 0;
    Py_XDECREF(v);
    return ok;
}

/* The arguments (text, lo, hi) of a pass over text[lo:hi], with lo and hi
 * clamped to the text as a pattern's pos and endpos are; 0 with an exception
 * set if they are wrong or the tables are not configured. */
int scan_window_args(PyObject *args, int ready, PyObject **text, Py_ssize_t *lo,
                     Py_ssize_t *hi) {
    if (!PyArg_ParseTuple(args, "Unn", text, lo, hi) || !scan_text_ready(*text, ready))
        return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(*text);
    if (*hi > n)
        *hi = n;
    if (*lo < 0)
        *lo = 0;
    return 1;
}

/* The fold of text; *controls: it holds a control character; *suspect: a
 * character that may make it not NFC (SUSPECT, or one beyond the BMP), read
 * in the same loop. False means the text is NFC (unicodedata.is_normalized
 * then says so, ten times slower). */
static PyObject *fold_text(PyObject *text, int *controls, int *suspect) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    unsigned int marks = 0, sus = 0;
    PyObject *out;
    if (kind == PyUnicode_4BYTE_KIND) {
        Py_UCS4 *buf = PyMem_Malloc((n ? n : 1) * sizeof(Py_UCS4));
        if (!buf)
            return PyErr_NoMemory();
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c < BMP) {
                marks |= CONTROL[c];
                c = FOLD[c];
            }
            buf[i] = c;
        }
        sus = n > 0; /* a code point beyond the BMP */
        out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
        PyMem_Free(buf);
    } else {
        Py_UCS2 *buf = PyMem_Malloc((n ? n : 1) * sizeof(Py_UCS2));
        if (!buf)
            return PyErr_NoMemory();
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *s = data;
            for (Py_ssize_t i = 0; i < n; i++) {
                marks |= CONTROL[s[i]];
                buf[i] = FOLD[s[i]];
            }
        } else {
            const Py_UCS2 *s = data;
            for (Py_ssize_t i = 0; i < n; i++) {
                marks |= CONTROL[s[i]];
                buf[i] = FOLD[s[i]];
            }
        }
        out = PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, buf, n);
        PyMem_Free(buf);
    }
    *controls = (marks & 1) != 0;
    *suspect = sus || (marks & 2) != 0;
    return out;
}

PyObject *scan_fold(PyObject *self, PyObject *text) {
    if (!scan_text_ready(text, fold_ready))
        return NULL;
    int controls, suspect;
    PyObject *out = fold_text(text, &controls, &suspect);
    if (!out)
        return NULL;
    return Py_BuildValue("(NOO)", out, controls ? Py_True : Py_False, suspect ? Py_True : Py_False);
}

static PyMethodDef methods[] = {
    {"configure_fold", scan_configure_fold, METH_VARARGS, "configure_fold(fold, control): uint16 fold and control flag per BMP code point."},
    {"configure_numbers", scan_configure_numbers, METH_O, "configure_numbers(flags): number/symbol flags per BMP code point."},
    {"fold", scan_fold, METH_O, "fold(text) -> (folded, has_controls, nfc_suspect): nfc_suspect False means text is NFC."},
    {"configure_tokens", scan_configure_tokens, METH_O, "configure_tokens(flags): plain-token flags per BMP code point."},
    {"number_tokens", scan_number_tokens, METH_O, "number_tokens(text) -> ([start, end or -1, ...], spaced): token starts with the end of their plain form; a spaced dash after a number."},
    {"cut_after_number", scan_cut_after_number, METH_O, "cut_after_number(text) -> a line ends in a dash or slash after a number."},
    {"configure_boundaries", scan_configure_boundaries, METH_VARARGS, "configure_boundaries(flags, names): clause boundary flags and group names."},
    {"boundaries", scan_boundaries, METH_VARARGS, "boundaries(text, lo, hi) -> [(end, name)] as BOUNDARY.finditer, or None above the BMP."},
    {"configure_words", scan_configure_words, METH_O, "configure_words(words): the words word_starts looks for."},
    {"word_starts", scan_word_starts, METH_VARARGS, "word_starts(folded, lo, hi) -> positions where a configured word stands before white space."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_scan", "Compiled whole-text passes of the parser (see parsers/scan.py).", -1, methods,
};

PyMODINIT_FUNC PyInit__scan(void) {
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "nfc_unidata_version", NFC_UNIDATA_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
