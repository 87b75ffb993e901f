/* The optional compiled part of the input layer (read/), which the readers above may use too:
   holds_ascii, whether a text holds an ASCII literal, searched in the text's UTF-8 form (the string's
   own cached buffer, which the HTML readers encode anyway: the attribute guard scans it and Lexbor
   parses a copy of it). A page held in two or four bytes a character is searched in about one byte a
   character. read/server_messages.py's str.find loop stays the reference and the fallback. Built
   against the stable ABI (abi3), Python 3.11 and later; where no compiler is found, Python searches. */

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030B0000
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* holds_ascii(text, literal): True when text holds literal (non-empty ASCII: in UTF-8 its bytes never
   stand inside another character's bytes, so a match of the bytes is a match of the characters),
   False when it does not, None when the text has no UTF-8 form (lone surrogates). */
static PyObject *holds_ascii(PyObject *self, PyObject *args) {
    PyObject *text, *literal;
    if (!PyArg_ParseTuple(args, "UU", &text, &literal)) return NULL;
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
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &size);
    if (utf8 == NULL) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    const char *at = utf8, *last = utf8 + size - needle_size;  /* (the last place a match may start) */
    while (at <= last) {
        at = memchr(at, needle[0], (size_t)(last - at + 1));
        if (at == NULL) break;
        if (memcmp(at + 1, needle + 1, (size_t)(needle_size - 1)) == 0) Py_RETURN_TRUE;
        at++;
    }
    Py_RETURN_FALSE;
}

static PyMethodDef methods[] = {
    {"holds_ascii", holds_ascii, METH_VARARGS,
     "holds_ascii(text, literal): whether text holds the ASCII literal; None when the text has no UTF-8 form."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan", "newsclean's optional compiled input scans.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__scan(void) { return PyModule_Create(&module); }
