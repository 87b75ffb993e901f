/* The optional compiled part of the input layer (read/), which the readers above may use too:
   holds_ascii, whether a text holds an ASCII literal, searched in the text's UTF-8 form (the string's
   own cached buffer, which the HTML readers encode anyway: the attribute guard scans it and Lexbor
   parses a copy of it) or in UTF-8 bytes. A page held in two or four bytes a character is searched in
   about one byte a character. read/server_messages.py's str.find loop stays the reference and the
   fallback. And utf8_valid, whether bytes are UTF-8 that Python's strict decoder takes, without making
   the text (bytes.decode stays the reference: a test compares the two). Built against the stable ABI
   (abi3), Python 3.11 and later; where no compiler is found, Python searches and decodes. */

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030B0000
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* holds_ascii(text, literal): True when text (a str, or UTF-8 bytes) holds literal (non-empty ASCII: in
   UTF-8 its bytes never stand inside another character's bytes, so a match of the bytes is a match of
   the characters), False when it does not, None when the text has no UTF-8 form (lone surrogates). */
static PyObject *holds_ascii(PyObject *self, PyObject *args) {
    PyObject *text, *literal;
    if (!PyArg_ParseTuple(args, "OU", &text, &literal)) return NULL;
    if (!PyUnicode_Check(text) && !PyBytes_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "holds_ascii takes a str or bytes");
        return NULL;
    }
    Py_ssize_t needle_size;
    const char *needle = PyUnicode_AsUTF8AndSize(literal, &needle_size);
    if (needle == NULL) return NULL;
    for (Py_ssize_t i = 0; i < needle_size; i++)
        if ((unsigned char)needle[i] >= 0x80) needle_size = 0;
    if (needle_size == 0) {
        PyErr_SetString(PyExc_ValueError, "the literal must be non-empty ASCII");
        return NULL;
    }
    Py_ssize_t size;
    char *bytes = NULL;
    const char *utf8 = PyBytes_Check(text) ? (PyBytes_AsStringAndSize(text, &bytes, &size) < 0 ? NULL : bytes)
                       : PyUnicode_AsUTF8AndSize(text, &size);
    if (utf8 == NULL) {
        if (PyBytes_Check(text)) return NULL;
        PyErr_Clear();
        Py_RETURN_NONE;
    }
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
    /* glibc's memmem skips ahead by the literal's bytes (a third of the time of the loop below on pages) */
    if (memmem(utf8, (size_t)size, needle, (size_t)needle_size) != NULL) Py_RETURN_TRUE;
    Py_RETURN_FALSE;
#endif
    const char *at = utf8, *last = utf8 + size - needle_size;  /* (the last place a match may start) */
    while (at <= last) {
        at = memchr(at, needle[0], (size_t)(last - at + 1));
        if (at == NULL) break;
        if (memcmp(at + 1, needle + 1, (size_t)(needle_size - 1)) == 0) Py_RETURN_TRUE;
        at++;
    }
    Py_RETURN_FALSE;
}

/* utf8_valid(data): True when the bytes are UTF-8 as Python's strict decoder takes it (the shortest form
   of each character, no surrogates, nothing above U+10FFFF, no character cut at the end). */
static PyObject *utf8_valid(PyObject *self, PyObject *data) {
    char *bytes;
    Py_ssize_t size;
    if (!PyBytes_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "utf8_valid takes bytes");
        return NULL;
    }
    if (PyBytes_AsStringAndSize(data, &bytes, &size) < 0) return NULL;
    const unsigned char *s = (const unsigned char *)bytes, *end = s + size;
    while (s < end) {
        /* ASCII eight bytes at a time (most of a page's markup) */
        while (end - s >= 8) {
            uint64_t word;
            memcpy(&word, s, 8);
            if (word & UINT64_C(0x8080808080808080)) break;
            s += 8;
        }
        if (s >= end) break;
        unsigned char c = *s;
        if (c < 0x80) {
            s++;
            continue;
        }
        /* the length of the sequence and the range of its second byte (Unicode's table 3-7) */
        int length;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        } else {
            Py_RETURN_FALSE;
        }
        if (end - s < length || s[1] < low || s[1] > high) Py_RETURN_FALSE;
        for (int i = 2; i < length; i++)
            if (s[i] < 0x80 || s[i] > 0xBF) Py_RETURN_FALSE;
        s += length;
    }
    Py_RETURN_TRUE;
}

static PyMethodDef methods[] = {
    {"holds_ascii", holds_ascii, METH_VARARGS,
     "holds_ascii(text, literal): whether text (str or UTF-8 bytes) holds the ASCII literal; None when the text has "
     "no UTF-8 form."},
    {"utf8_valid", utf8_valid, METH_O, "utf8_valid(data): whether the bytes are UTF-8 that bytes.decode('utf-8') takes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan", "newsclean's optional compiled input scans.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__scan(void) { return PyModule_Create(&module); }
