/* The optional compiled phrase matcher of newsclean.rules: PhraseSet.find_all, PhraseSet.prefix and
   PhraseSet.prefixes walked in C over the trie that PhraseSet builds in Python from the parsed rules files. No phrase
   is compiled in here: the trie, its depth and the function that builds a first word's branch are
   handed over at run time (Matcher(roots, depth, branch)).

   The trie (see rules/__init__.py): `roots` maps each first word to the list of its phrases until
   a line first holds the word, when branch(word) turns the list into the word's dict (later words
   -> dicts, "" -> the phrase ending there) and stores it in `roots`. Every expression below mirrors
   one of the Python methods, which stay the reference and the fallback (a filter of the first
   words' hashes only spares making a str of a word that starts no phrase); tests compare the two on
   generated lines and on the corpora's whole output. Built against the stable ABI (abi3), Python
   3.11 and later. */

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030B0000
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* Bits of the first-word filter: a word whose hash's bit is clear starts no phrase, told without
   making a str of it (most words of most lines). 2^16 bits: few false hits for thousands of words. */
#define FILTER_BITS 65536
/* Readings up to this long are read into a buffer on the stack; longer ones into a copy. */
#define STACK_CHARS 512

typedef struct {
    PyObject_HEAD
    PyObject *roots;  /* dict: first word -> list of phrases, or the word's branch (dict) */
    Py_ssize_t depth; /* words in the longest phrase */
    PyObject *branch; /* callable: first word -> its branch, built and stored in roots */
    unsigned char filter[FILTER_BITS / 8]; /* the bits of the roots' first words */
} Matcher;

static PyObject *end = NULL; /* "": the key of a phrase's end (no word is empty) */

/* FNV-1a over a word's characters: only picks the filter's bit, the dict decides. */
static size_t word_hash(const Py_UCS4 *s, Py_ssize_t from, Py_ssize_t to) {
    size_t h = 2166136261u;
    for (Py_ssize_t i = from; i < to; i++) h = (h ^ s[i]) * 16777619u;
    return h % FILTER_BITS;
}

static int may_start(Matcher *self, const Py_UCS4 *s, Py_ssize_t from, Py_ssize_t to) {
    size_t bit = word_hash(s, from, to);
    return (self->filter[bit / 8] >> (bit % 8)) & 1;
}

/* A reading's characters, in `local` when it fits, else in a copy the caller frees (*copy). */
static Py_UCS4 *characters(PyObject *text, Py_UCS4 *local, Py_UCS4 **copy, Py_ssize_t *n) {
    *copy = NULL;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "a folded reading must be a str");
        return NULL;
    }
    *n = PyUnicode_GetLength(text);
    if (*n < 0) return NULL;
    if (*n == 0) return local;
    if (*n <= STACK_CHARS) return PyUnicode_AsUCS4(text, local, STACK_CHARS, 0);
    *copy = PyUnicode_AsUCS4Copy(text);
    return *copy;
}

/* Where the word starting at `from` ends: at the next space or the text's end. */
static Py_ssize_t word_end(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t from) {
    while (from < n && s[from] != ' ') from++;
    return from;
}

/* The value of `word` (characters from..to of text) in dict, borrowed; NULL when absent or on error. */
static PyObject *lookup(PyObject *dict, PyObject *text, Py_ssize_t from, Py_ssize_t to) {
    PyObject *word = PyUnicode_Substring(text, from, to);
    if (word == NULL) return NULL;
    PyObject *value = PyDict_GetItemWithError(dict, word);
    Py_DECREF(word);
    return value;
}

/* The branch of the first word from..to (a new reference; NULL when the word starts no phrase, or
   on error), built by the Python side when the root still lists the word's phrases. */
static PyObject *branch_at(Matcher *self, PyObject *text, Py_ssize_t from, Py_ssize_t to) {
    PyObject *word = PyUnicode_Substring(text, from, to);
    if (word == NULL) return NULL;
    PyObject *listed = PyDict_GetItemWithError(self->roots, word);
    PyObject *node = NULL;
    if (listed != NULL && PyDict_Check(listed)) {
        Py_INCREF(listed);
        node = listed;
    } else if (listed != NULL) {
        node = PyObject_CallFunctionObjArgs(self->branch, word, NULL);
        if (node != NULL && !PyDict_Check(node)) {
            Py_CLEAR(node);
            PyErr_SetString(PyExc_TypeError, "branch() must return a dict");
        }
    }
    Py_DECREF(word);
    return node;
}

/* _longest_at: the longest phrase starting with the word from..to of text (s its n characters);
   a new reference, Py_None when none starts there, NULL on error. */
static PyObject *longest_at(Matcher *self, PyObject *text, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t from,
                            Py_ssize_t to) {
    if (!may_start(self, s, from, to)) Py_RETURN_NONE;
    PyObject *node = branch_at(self, text, from, to);
    if (node == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    PyObject *found = PyDict_GetItemWithError(node, end);
    if (found == NULL && PyErr_Occurred()) goto error;
    Py_XINCREF(found);
    /* The next depth - 1 words (split(" ") reads a word after each space, the empty one too). */
    for (Py_ssize_t k = 1; k < self->depth && to < n; k++) {
        from = to + 1;
        to = word_end(s, n, from);
        /* An empty word (two spaces in a folded reading) is the end key: never a word. */
        if (to == from) break;
        PyObject *next = lookup(node, text, from, to);
        if (next == NULL) {
            if (PyErr_Occurred()) goto error;
            break;
        }
        Py_INCREF(next);
        Py_DECREF(node);
        node = next;
        PyObject *here = PyDict_GetItemWithError(node, end);
        if (here != NULL) {
            Py_INCREF(here);
            Py_XDECREF(found);
            found = here;
        } else if (PyErr_Occurred()) {
            goto error;
        }
    }
    Py_DECREF(node);
    if (found == NULL) Py_RETURN_NONE;
    return found;
error:
    Py_DECREF(node);
    Py_XDECREF(found);
    return NULL;
}

/* find_all(folded): an iterator over the longest phrase at each place any reading holds one, in order. */
static PyObject *find_all(Matcher *self, PyObject *folded) {
    PyObject *texts = PySequence_Fast(folded, "folded must be a sequence of str");
    if (texts == NULL) return NULL;
    PyObject *found = PyList_New(0);
    Py_ssize_t total = found == NULL ? 0 : PySequence_Size(texts);
    Py_UCS4 local[STACK_CHARS], *copy = NULL;
    for (Py_ssize_t i = 0; i < total; i++) {
        Py_ssize_t n;
        PyObject *text = PySequence_GetItem(texts, i);
        const Py_UCS4 *s = text == NULL ? NULL : characters(text, local, &copy, &n);
        if (s == NULL) {
            Py_XDECREF(text);
            goto error;
        }
        for (Py_ssize_t from = 0; from <= n;) {
            Py_ssize_t to = word_end(s, n, from);
            PyObject *phrase = longest_at(self, text, s, n, from, to);
            if (phrase == NULL || (phrase != Py_None && PyList_Append(found, phrase) < 0)) {
                Py_XDECREF(phrase);
                Py_DECREF(text);
                goto error;
            }
            Py_DECREF(phrase);
            from = to + 1;
        }
        Py_DECREF(text);
        PyMem_Free(copy);
        copy = NULL;
    }
    Py_DECREF(texts);
    if (found == NULL) return NULL;
    PyObject *iterator = PyObject_GetIter(found);
    Py_DECREF(found);
    return iterator;
error:
    PyMem_Free(copy);
    Py_DECREF(texts);
    Py_XDECREF(found);
    return NULL;
}

/* prefix(folded): the longest phrase a reading starts with, or None. */
static PyObject *prefix(Matcher *self, PyObject *folded) {
    PyObject *texts = PySequence_Fast(folded, "folded must be a sequence of str");
    if (texts == NULL) return NULL;
    Py_ssize_t total = PySequence_Size(texts);
    Py_UCS4 local[STACK_CHARS], *copy = NULL;
    for (Py_ssize_t i = 0; i < total; i++) {
        Py_ssize_t n;
        PyObject *text = PySequence_GetItem(texts, i);
        const Py_UCS4 *s = text == NULL ? NULL : characters(text, local, &copy, &n);
        /* Only the first words can be part of the phrase; most lines' first word starts none. */
        PyObject *phrase = s == NULL ? NULL : longest_at(self, text, s, n, 0, word_end(s, n, 0));
        Py_XDECREF(text);
        PyMem_Free(copy);
        if (phrase == NULL || phrase != Py_None) {
            Py_DECREF(texts);
            return phrase;
        }
        Py_DECREF(phrase);
    }
    Py_DECREF(texts);
    Py_RETURN_NONE;
}

/* prefixes(lines): prefix of each line's folded readings, as a list (one call for a page's lines). */
static PyObject *prefixes(Matcher *self, PyObject *lines) {
    PyObject *sequence = PySequence_Fast(lines, "lines must be a sequence of folded readings");
    if (sequence == NULL) return NULL;
    Py_ssize_t total = PySequence_Size(sequence);
    PyObject *found = PyList_New(total);
    for (Py_ssize_t i = 0; found != NULL && i < total; i++) {
        PyObject *folded = PySequence_GetItem(sequence, i);
        PyObject *phrase = folded == NULL ? NULL : prefix(self, folded);
        Py_XDECREF(folded);
        if (phrase == NULL) {
            Py_CLEAR(found);
            break;
        }
        PyList_SetItem(found, i, phrase); /* steals the reference */
    }
    Py_DECREF(sequence);
    return found;
}

/* Set the filter's bit of every first word in roots. */
static int fill_filter(Matcher *self) {
    PyObject *key, *value;
    Py_ssize_t at = 0;
    while (PyDict_Next(self->roots, &at, &key, &value)) {
        Py_UCS4 local[STACK_CHARS], *copy;
        Py_ssize_t n;
        const Py_UCS4 *s = characters(key, local, &copy, &n);
        if (s == NULL) return -1;
        size_t bit = word_hash(s, 0, n);
        self->filter[bit / 8] |= (unsigned char)(1u << (bit % 8));
        PyMem_Free(copy);
    }
    return 0;
}

static PyObject *matcher_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
    PyObject *roots, *branch;
    Py_ssize_t depth;
    if (kwargs != NULL && PyDict_Size(kwargs) > 0) {
        PyErr_SetString(PyExc_TypeError, "Matcher takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "O!nO", &PyDict_Type, &roots, &depth, &branch)) return NULL;
    if (!PyCallable_Check(branch)) {
        PyErr_SetString(PyExc_TypeError, "branch must be callable");
        return NULL;
    }
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    Matcher *self = (Matcher *)alloc(type, 0);
    if (self == NULL) return NULL;
    Py_INCREF(roots);
    Py_INCREF(branch);
    self->roots = roots;
    self->depth = depth;
    self->branch = branch;
    memset(self->filter, 0, sizeof self->filter);
    if (fill_filter(self) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int matcher_traverse(Matcher *self, visitproc visit, void *arg) {
    Py_VISIT(self->roots);
    Py_VISIT(self->branch);
    Py_VISIT(Py_TYPE((PyObject *)self));
    return 0;
}

static int matcher_clear(Matcher *self) {
    Py_CLEAR(self->roots);
    Py_CLEAR(self->branch);
    return 0;
}

static void matcher_dealloc(Matcher *self) {
    PyTypeObject *type = Py_TYPE((PyObject *)self);
    PyObject_GC_UnTrack(self);
    matcher_clear(self);
    freefunc free_slot = (freefunc)PyType_GetSlot(type, Py_tp_free);
    free_slot(self);
    Py_DECREF(type);
}

static PyMethodDef matcher_methods[] = {
    {"find_all", (PyCFunction)find_all, METH_O,
     "find_all(folded): an iterator over the longest phrase at each place any reading holds one, in order."},
    {"prefix", (PyCFunction)prefix, METH_O, "prefix(folded): the longest phrase a reading starts with, or None."},
    {"prefixes", (PyCFunction)prefixes, METH_O, "prefixes(lines): prefix(folded) of each line's folded readings, as a list."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot matcher_slots[] = {
    {Py_tp_new, matcher_new},
    {Py_tp_dealloc, matcher_dealloc},
    {Py_tp_traverse, matcher_traverse},
    {Py_tp_clear, matcher_clear},
    {Py_tp_methods, matcher_methods},
    {Py_tp_doc, "Matcher(roots, depth, branch): PhraseSet's trie walked in C."},
    {0, NULL},
};

static PyType_Spec matcher_spec = {"newsclean.rules._phrases.Matcher", sizeof(Matcher), 0,
                                   Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, matcher_slots};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_phrases", "newsclean's optional compiled phrase matcher.",
                                    -1, NULL};

PyMODINIT_FUNC PyInit__phrases(void) {
    end = PyUnicode_FromString("");
    if (end == NULL) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) return NULL;
    PyObject *type = PyType_FromSpec(&matcher_spec);
    if (type == NULL || PyModule_AddObject(m, "Matcher", type) < 0) {
        Py_XDECREF(type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
