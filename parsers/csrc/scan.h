/* parsers._scan: the parser's whole-text passes in compiled code.
 *
 * module.c   the fold (and its NFC test), the shared helpers, the module;
 * numbers.c  where a number/symbol token can start, a plain token's end, a dash
 *            spaced on both sides after a number; a number cut at a line end;
 * clauses.c  clause boundaries; where a trigger phrase can start.
 *
 * Every pass reads tables that parsers/scan.py builds from the parser's own
 * fold table and patterns; nothing about Vietnamese is written here. Code
 * points above the Basic Multilingual Plane fold to themselves and carry no
 * flag, which keeps every superset a superset (see each pass).
 */
#ifndef LEGALGRAPH_SCAN_H
#define LEGALGRAPH_SCAN_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define BMP 0x10000

#define RD(i) PyUnicode_READ(kind, data, (i))

static inline int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

/* module.c */
int scan_check_ready(int ready);
int scan_text_ready(PyObject *text, int ready);
int scan_append_index(PyObject *list, Py_ssize_t i);
int scan_read_table(PyObject *arg, void *dest, size_t size, const char *what);
int scan_window_args(PyObject *args, int ready, PyObject **text, Py_ssize_t *lo,
                     Py_ssize_t *hi);
PyObject *scan_configure_fold(PyObject *self, PyObject *args);
PyObject *scan_fold(PyObject *self, PyObject *text);

/* numbers.c */
PyObject *scan_configure_numbers(PyObject *self, PyObject *arg);
PyObject *scan_configure_tokens(PyObject *self, PyObject *arg);
PyObject *scan_number_tokens(PyObject *self, PyObject *text);
PyObject *scan_cut_after_number(PyObject *self, PyObject *text);

/* clauses.c */
PyObject *scan_configure_boundaries(PyObject *self, PyObject *args);
PyObject *scan_boundaries(PyObject *self, PyObject *args);
PyObject *scan_configure_words(PyObject *self, PyObject *arg);
PyObject *scan_word_starts(PyObject *self, PyObject *args);

#endif
