/* The optional compiled part of the HTML readers (parse/): most_attributes, the attribute guard's scan
   of a page, a few times faster than its regular expressions in parse/html.py, which stay the reference
   (tests/test_compiled_markup.py compares the two). Built against the stable ABI (abi3), Python 3.11
   and later; where no compiler is found the readers run the regular expressions. */

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030B0000
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* most_attributes(text, at_least): parse/html.py's attribute guard, the most attributes a start tag
   holds when one holds at_least or more (else 0), as its regular expressions find them (the pure
   function stays the reference; a test compares the two). One pass over the text's UTF-8 form
   (the string's own cached buffer): every character the grammar names is ASCII but the
   whitespace (str.isspace), whose few non-ASCII members are recognised by their bytes. None when
   the text has no UTF-8 form (lone surrogates): the caller then runs the pure function. */

/* The length in bytes of the whitespace character at s (str.isspace), 0 when there is none. */
static Py_ssize_t space_at(const unsigned char *s, const unsigned char *end) {
    unsigned char c = *s;
    if (c < 0x80) return ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20)) ? 1 : 0;
    if (c == 0xC2) return (s + 1 < end && (s[1] == 0x85 || s[1] == 0xA0)) ? 2 : 0;
    if (s + 2 >= end) return 0;
    if (c == 0xE1) return (s[1] == 0x9A && s[2] == 0x80) ? 3 : 0;                       /* U+1680 */
    if (c == 0xE2 && s[1] == 0x80)                                                       /* U+2000-U+202F */
        return (s[2] <= 0x8A || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF) && s[2] >= 0x80 ? 3 : 0;
    if (c == 0xE2) return (s[1] == 0x81 && s[2] == 0x9F) ? 3 : 0;                       /* U+205F */
    if (c == 0xE3) return (s[1] == 0x80 && s[2] == 0x80) ? 3 : 0;                       /* U+3000 */
    return 0;
}

/* What each byte is to the attribute grammar: ASCII whitespace, one of its ASCII signs, or the first
   byte of a non-ASCII whitespace character's UTF-8 form (space_at then says). */
enum { SPACE = 1, QUOTE = 2, LESS = 4, GREATER = 8, SLASH = 16, EQUALS = 32, MAYBE_SPACE = 64 };
static unsigned char byte_kinds[256];

static void set_byte_kinds(void) {
    for (int c = 0x09; c <= 0x0D; c++) byte_kinds[c] = SPACE;
    for (int c = 0x1C; c <= 0x20; c++) byte_kinds[c] = SPACE;
    byte_kinds['"'] = byte_kinds['\''] = QUOTE;
    byte_kinds['<'] = LESS;
    byte_kinds['>'] = GREATER;
    byte_kinds['/'] = SLASH;
    byte_kinds['='] = EQUALS;
    byte_kinds[0xC2] = byte_kinds[0xE1] = byte_kinds[0xE2] = byte_kinds[0xE3] = MAYBE_SPACE;
}

/* Past the whitespace at s (possessive \s*+). */
static const unsigned char *skip_spaces(const unsigned char *s, const unsigned char *end) {
    Py_ssize_t size;
    while (s < end && (size = space_at(s, end)) > 0) s += size;
    return s;
}

/* Past the characters at s that are neither whitespace nor of the kinds `stops` (possessive [^\s...]*+). */
static const unsigned char *skip_others(const unsigned char *s, const unsigned char *end, int stops) {
    for (; s < end; s++) {
        int kind = byte_kinds[*s];
        if (kind == 0) continue;
        if ((kind & (stops | SPACE)) || ((kind & MAYBE_SPACE) && space_at(s, end) > 0)) break;
    }
    return s;
}

/* One attribute at s (ATOMIC_ATTRIBUTE): where it ends, or NULL when none starts there. */
static const unsigned char *attribute_end(const unsigned char *s, const unsigned char *end) {
    if (s >= end || space_at(s, end) > 0 || (byte_kinds[*s] & (QUOTE | LESS | GREATER | SLASH | EQUALS))) return NULL;
    s = skip_others(s + 1, end, LESS | GREATER | SLASH | EQUALS);
    /* (?:\s*+=\s*+value)?+ : kept only when a value follows the `=`. */
    const unsigned char *v = skip_spaces(s, end);
    if (v >= end || *v != '=') return s;
    v = skip_spaces(v + 1, end);
    if (v >= end) return s;
    if (*v == '"' || *v == '\'') {
        const unsigned char *close = memchr(v + 1, *v, (size_t)(end - v - 1));
        return close != NULL ? close + 1 : s;
    }
    if (*v == '>' || space_at(v, end) > 0) return s;
    return skip_others(v + 1, end, GREATER);
}

static PyObject *most_attributes(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t at_least, size;
    if (!PyArg_ParseTuple(args, "Un", &text, &at_least)) return NULL;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &size);
    if (utf8 == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) return NULL;
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    const unsigned char *s = (const unsigned char *)utf8, *end = s + size;
    Py_ssize_t most = 0;
    while (s < end) {
        const unsigned char *open = memchr(s, '<', (size_t)(end - s));
        if (open == NULL) break;
        const unsigned char *at = open + 1;
        if (at >= end || !((*at >= 'A' && *at <= 'Z') || (*at >= 'a' && *at <= 'z'))) {
            s = open + 1;
            continue;
        }
        at = skip_others(at + 1, end, SLASH | GREATER);
        Py_ssize_t count = 0;
        for (;;) {  /* (?:\s++ATOMIC_ATTRIBUTE)*: greedy, each one atomic */
            const unsigned char *name = skip_spaces(at, end);
            if (name == at) break;
            const unsigned char *after = attribute_end(name, end);
            if (after == NULL) break;
            at = after;
            count++;
        }
        if (count >= at_least) {  /* a match: the search goes on after it */
            if (count > most) most = count;
            s = at;
        } else {
            s = open + 1;
        }
    }
    return PyLong_FromSsize_t(most);
}

static PyMethodDef methods[] = {
    {"most_attributes", most_attributes, METH_VARARGS,
     "most_attributes(text, at_least): parse.html.most_attributes, None when the text has no UTF-8 form."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_markup", "newsclean's optional compiled markup scans.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__markup(void) {
    set_byte_kinds();
    return PyModule_Create(&module);
}
