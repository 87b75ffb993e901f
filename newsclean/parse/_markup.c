/* The optional compiled part of the HTML readers (parse/): most_attributes, the attribute guard's scan
   of a page, a few times faster than its regular expressions in parse/html.py, which stay the reference
   (tests/test_compiled_markup.py compares the two); and dom_shape, the shape of a Lexbor tree for the
   fast reader's walk (parse/domshape.py's pure dom_shape stays the reference), with element_marks, the
   elements' class and id values (node.attributes stays the reference); holds_word, the furniture
   words of class and id values (fast_html's regular expressions stay the reference); and walk_blocks,
   the fast reader's loop over those nodes (fast_html.walk_in_python stays the reference). Built against the
   stable ABI (abi3), Python 3.11 and later; where no compiler is found the readers run in Python. */

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030B0000
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* most_attributes(text, at_least): parse/html.py's attribute guard, the most attributes a start tag
   holds when one holds at_least or more (else 0), as its regular expressions find them (the pure
   function stays the reference; a test compares the two). One pass over the text's UTF-8 form
   (the string's own cached buffer): every character the grammar names is ASCII but the
   whitespace (str.isspace), whose few non-ASCII members are recognised by their bytes; or the page's
   UTF-8 bytes themselves. None when the text has no UTF-8 form (lone surrogates): the caller then runs
   the pure function. */

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
    if (!PyArg_ParseTuple(args, "On", &text, &at_least)) return NULL;
    char *bytes = NULL;
    if (PyBytes_Check(text)) {
        if (PyBytes_AsStringAndSize(text, &bytes, &size) < 0) return NULL;
    } else if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "most_attributes takes a str or bytes");
        return NULL;
    }
    const char *utf8 = bytes != NULL ? bytes : PyUnicode_AsUTF8AndSize(text, &size);
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


/* dom_shape(root_id, raw_tags, max_nodes): parse/fast_html.py's dom_shape at C speed, for a tree
   parsed by Lexbor (selectolax). The nodes under root, root first, in the order of selectolax's
   traverse(include_text=True): each node's depth below root, and for a text node its text (""
   when its parent is an element whose tag id is in raw_tags: text never read), None for any other
   node. None in place of both lists when the tree holds more than max_nodes nodes (0: no limit).

   root_id is a node's mem_id, which is the address of Lexbor's node. The walk reads Lexbor's node
   structure (lexbor/dom/interfaces/node.h and character_data.h, as selectolax declares them in
   lexbor.pxd); parse/fast_html.py uses it only once node_links has shown, on a probe document, that
   the fields sit where this file reads them. */

typedef struct lexbor_node {
    void *events;
    uintptr_t local_name;
    uintptr_t prefix;
    uintptr_t ns;
    void *owner_document;
    struct lexbor_node *next;
    struct lexbor_node *prev;
    struct lexbor_node *parent;
    struct lexbor_node *first_child;
    struct lexbor_node *last_child;
    void *user;
    int type; /* lxb_dom_node_type_t */
} lexbor_node;

typedef struct {
    lexbor_node node;
    unsigned char *data; /* lexbor_str_t */
    size_t length;
} lexbor_character_data;

enum { LEXBOR_ELEMENT = 1, LEXBOR_TEXT = 3, MAX_RAW_TAGS = 64 };

static lexbor_node *node_at(PyObject *id) {
    void *address = PyLong_AsVoidPtr(id);
    if (address == NULL && !PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "no node at address 0");
    return (lexbor_node *)address;
}

/* The node after node under root in document order (its children first), NULL after the last. */
static lexbor_node *next_node(lexbor_node *node, const lexbor_node *root) {
    if (node->first_child != NULL) return node->first_child;
    while (node != root && node->next == NULL) node = node->parent;
    return node == root ? NULL : node->next;
}

static PyObject *node_text(const lexbor_node *node) {
    const lexbor_character_data *text = (const lexbor_character_data *)node;
    if (text->data == NULL) return PyUnicode_FromStringAndSize("", 0);
    /* As selectolax decodes text: bytes Lexbor passed through verbatim become U+FFFD. */
    return PyUnicode_DecodeUTF8((const char *)text->data, (Py_ssize_t)text->length, "replace");
}

static int append_new(PyObject *list, PyObject *item) {
    if (item == NULL) return -1;
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* (dom_shape itself follows element_marks, whose marks it can give too.) */

/* node_links(id): the addresses of a node's parent, first child and next sibling (0 for none), its
   node type and tag id, and for a text node its text's length in bytes (-1 otherwise), as dom_shape
   reads them: compared with selectolax's own answers before dom_shape is trusted. Reads only the
   node's own fields (never through a pointer it finds there). */
static PyObject *node_links(PyObject *self, PyObject *id) {
    const lexbor_node *node = node_at(id);
    if (node == NULL) return NULL;
    Py_ssize_t length = node->type == LEXBOR_TEXT ? (Py_ssize_t)((const lexbor_character_data *)node)->length : -1;
    return Py_BuildValue("(NNNiNn)", PyLong_FromVoidPtr(node->parent), PyLong_FromVoidPtr(node->first_child),
                         PyLong_FromVoidPtr(node->next), node->type, PyLong_FromSize_t(node->local_name), length);
}


/* word_finder(words) and holds_word(value, finder): whether a class or id value holds one of a few
   lower-case ASCII words (FURNITURE_WORDS in parse/fast_html.py), as the words' regular expression
   finds them in value.lower(), for ASCII values; any other value is said to hold one (the caller then
   keeps it, as it keeps every value that names something, and asks the regular expression later).
   word_finder stores the words once and returns their number for holds_word. */

enum { MAX_FINDERS = 8, MAX_WORDS = 64, MAX_WORD_CHARS = 32 };

typedef struct {
    int count;
    Py_ssize_t size[MAX_WORDS];
    char word[MAX_WORDS][MAX_WORD_CHARS];
    /* The words starting with each byte: word[by_first[c][0]], ..., word[by_first[c][starts[c] - 1]]. */
    unsigned char starts[256];
    unsigned char by_first[256][MAX_WORDS];
    /* The first two bytes of the words, a bit for each pair: most places in a value start none, and
       are passed over on one look (every word is at least two bytes long). */
    unsigned char pairs[256][256 / 8];
} word_set;

static word_set finders[MAX_FINDERS];
static int finder_count = 0;

static PyObject *word_finder(PyObject *self, PyObject *words) {
    if (finder_count >= MAX_FINDERS) {
        PyErr_SetString(PyExc_ValueError, "too many word finders");
        return NULL;
    }
    Py_ssize_t count = PySequence_Size(words);
    if (count < 0) return NULL;
    if (count > MAX_WORDS) {
        PyErr_SetString(PyExc_ValueError, "too many words");
        return NULL;
    }
    word_set *set = &finders[finder_count];
    memset(set, 0, sizeof *set);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PySequence_GetItem(words, i);
        if (word == NULL) return NULL;
        Py_ssize_t size;
        const char *utf8 = PyUnicode_AsUTF8AndSize(word, &size);
        int fits = utf8 != NULL && size > 1 && size < MAX_WORD_CHARS;
        for (Py_ssize_t j = 0; fits && j < size; j++)
            fits = (unsigned char)utf8[j] < 0x80 && !(utf8[j] >= 'A' && utf8[j] <= 'Z');
        if (fits) {
            memcpy(set->word[i], utf8, (size_t)size);
            set->size[i] = size;
            unsigned char first = (unsigned char)utf8[0];
            set->by_first[first][set->starts[first]++] = (unsigned char)i;
            unsigned char second = (unsigned char)utf8[1];
            set->pairs[first][second >> 3] |= (unsigned char)(1 << (second & 7));
        }
        Py_DECREF(word);
        if (utf8 == NULL) return NULL;
        if (!fits) {
            PyErr_SetString(PyExc_ValueError, "words must be lower-case ASCII, 2 to 31 characters long");
            return NULL;
        }
    }
    set->count = (int)count;
    return PyLong_FromLong(finder_count++);
}

static unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* Whether the size bytes at text hold one of set's words, ASCII letters in any case (or a byte that is
   not ASCII: str.lower() of other characters may make ASCII letters). */
static int bytes_hold_word(const word_set *set, const unsigned char *text, Py_ssize_t size) {
    for (Py_ssize_t i = 0; i < size; i++)
        if (text[i] >= 0x80) return 1;
    for (Py_ssize_t at = 0; at + 1 < size; at++) {
        unsigned char first = ascii_lower(text[at]), second = ascii_lower(text[at + 1]);
        if (!(set->pairs[first][second >> 3] & (1 << (second & 7)))) continue;
        for (int k = 0; k < set->starts[first]; k++) {
            int w = set->by_first[first][k];
            Py_ssize_t n = set->size[w];
            if (n > size - at) continue;
            Py_ssize_t i = 0;
            while (i < n && ascii_lower(text[at + i]) == (unsigned char)set->word[w][i]) i++;
            if (i == n) return 1;
        }
    }
    return 0;
}

static PyObject *holds_word(PyObject *self, PyObject *args) {
    PyObject *value;
    int finder;
    if (!PyArg_ParseTuple(args, "Ui", &value, &finder)) return NULL;
    if (finder < 0 || finder >= finder_count) {
        PyErr_SetString(PyExc_ValueError, "no such word finder");
        return NULL;
    }
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(value, &size);
    if (utf8 == NULL) {  /* (lone surrogates: not ASCII; any other error is raised) */
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) return NULL;
        PyErr_Clear();
        Py_RETURN_TRUE;
    }
    return PyBool_FromLong(bytes_hold_word(&finders[finder], (const unsigned char *)utf8, size));
}


/* element_marks(root_id, class_finder, id_finder, rare_names, rare_ids): for each node under root that
   is not text, root first, in the order of selectolax's traverse(include_text=False): False for an
   element without attributes; (class, id) for an element none of whose other attributes is rare, each
   value as selectolax's node.attributes gives it (None for a missing value or one without a value), or
   None in its place when it holds none of the finder's words (holds_word; a finder of -1 keeps every
   value); None for any other node (a rare attribute: the walk reads node.attributes).

   An attribute is rare when its name is one of rare_names (lower-case ASCII, at most 16 bytes) or its
   name's id one of rare_ids. Lexbor names an attribute by an id (lexbor/dom/interfaces/attr.h): a
   small number for the names it knows (lxb_dom_attr_res_data_default: "style", "href", ... the same in
   every document), else the address of the name's entry in the document's hash table
   (lexbor/core/hash.h: the name itself when at most 16 bytes long, then its length). The caller finds
   the known names' ids on a probe page (attribute_names) and passes those of the rare names, and of
   "class" and "id" (an attribute of that name that is not the element's own class or id attribute,
   if Lexbor ever made one, is then rare too: the walk reads it as selectolax does).

   The element's attributes are read from Lexbor's element and attribute structures
   (lexbor/dom/interfaces/element.h, attr.h), used only once element_links, attribute_names and
   these marks have matched selectolax's answers on a probe page. */

typedef struct { unsigned char *data; size_t length; } lexbor_str;

typedef struct lexbor_attr {
    lexbor_node node;
    uintptr_t upper_name;
    uintptr_t qualified_name;
    lexbor_str *value;
    void *owner;
    struct lexbor_attr *next;
    struct lexbor_attr *prev;
} lexbor_attr;

typedef struct {
    lexbor_node node;
    uintptr_t upper_name;
    uintptr_t qualified_name;
    lexbor_str *is_value;
    lexbor_attr *first_attr;
    lexbor_attr *last_attr;
    lexbor_attr *attr_id;
    lexbor_attr *attr_class;
} lexbor_element;

enum { HASH_SHORT_SIZE = 16, MAX_KNOWN_NAME_ID = 65535, MAX_RARE = 16 };

/* lexbor_hash_entry_t: a name of at most HASH_SHORT_SIZE bytes is kept in the entry itself. */
typedef struct {
    union {
        unsigned char *long_str;
        unsigned char short_str[HASH_SHORT_SIZE + 1];
    } u;
    size_t length;
} lexbor_hash_entry;

typedef struct {
    int name_count, id_count;
    Py_ssize_t size[MAX_RARE];
    char name[MAX_RARE][HASH_SHORT_SIZE];
    uintptr_t id[MAX_RARE];
} rare_set;

static PyObject *no_values = NULL;  /* (None, None), shared */

/* Whether an attribute's name is rare. Reads the name's hash entry for a name Lexbor does not know,
   never through the entry's pointer (a long name is not rare: its length tells). */
static int is_rare(const lexbor_attr *attr, const rare_set *rare) {
    uintptr_t name = attr->node.local_name;
    if (name <= MAX_KNOWN_NAME_ID) {
        for (int i = 0; i < rare->id_count; i++)
            if (name == rare->id[i]) return 1;
        return 0;
    }
    const lexbor_hash_entry *entry = (const lexbor_hash_entry *)name;
    if (entry->length > HASH_SHORT_SIZE) return 0;
    for (int i = 0; i < rare->name_count; i++)
        if ((size_t)rare->size[i] == entry->length && memcmp(entry->u.short_str, rare->name[i], entry->length) == 0)
            return 1;
    return 0;
}

/* An attribute's value as selectolax reads it (None when it has none), or None when it holds none of
   the finder's words. */
static PyObject *attribute_value(const lexbor_attr *attr, int finder) {
    if (attr == NULL || attr->value == NULL || attr->value->data == NULL) Py_RETURN_NONE;
    const unsigned char *data = attr->value->data;
    Py_ssize_t size = (Py_ssize_t)attr->value->length;
    if (finder >= 0 && !bytes_hold_word(&finders[finder], data, size)) Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8((const char *)data, size, "replace");  /* (bad bytes as selectolax reads them) */
}

static PyObject *element_mark(const lexbor_node *node, int class_finder, int id_finder, const rare_set *rare) {
    if (node->type != LEXBOR_ELEMENT) Py_RETURN_NONE;
    const lexbor_element *element = (const lexbor_element *)node;
    if (element->first_attr == NULL) Py_RETURN_FALSE;
    const lexbor_attr *class_attr = element->attr_class, *id_attr = element->attr_id;
    for (const lexbor_attr *attr = element->first_attr; attr != NULL; attr = attr->next)
        if (attr != class_attr && attr != id_attr && is_rare(attr, rare)) Py_RETURN_NONE;
    PyObject *classes = attribute_value(class_attr, class_finder);
    if (classes == NULL) return NULL;
    PyObject *ident = attribute_value(id_attr, id_finder);
    if (ident == NULL) {
        Py_DECREF(classes);
        return NULL;
    }
    if (classes == Py_None && ident == Py_None) {
        Py_DECREF(classes);
        Py_DECREF(ident);
        Py_INCREF(no_values);
        return no_values;
    }
    PyObject *mark = PyTuple_Pack(2, classes, ident);
    Py_DECREF(classes);
    Py_DECREF(ident);
    return mark;
}

/* The rare names and ids from Python sequences. */
static int read_rare_set(PyObject *names, PyObject *ids, rare_set *rare) {
    Py_ssize_t name_count = PySequence_Size(names), id_count = PySequence_Size(ids);
    if (name_count < 0 || id_count < 0) return -1;
    if (name_count > MAX_RARE || id_count > MAX_RARE) {
        PyErr_SetString(PyExc_ValueError, "too many rare attributes");
        return -1;
    }
    rare->name_count = (int)name_count;
    rare->id_count = (int)id_count;
    for (Py_ssize_t i = 0; i < name_count; i++) {
        PyObject *name = PySequence_GetItem(names, i);
        if (name == NULL) return -1;
        Py_ssize_t size;
        const char *utf8 = PyUnicode_Check(name) ? PyUnicode_AsUTF8AndSize(name, &size) : NULL;
        int fits = utf8 != NULL && size > 0 && size <= HASH_SHORT_SIZE;
        if (fits) {
            memcpy(rare->name[i], utf8, (size_t)size);
            rare->size[i] = size;
        }
        Py_DECREF(name);
        if (!fits) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "rare names are 1 to 16 bytes long");
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < id_count; i++) {
        PyObject *id = PySequence_GetItem(ids, i);
        if (id == NULL) return -1;
        rare->id[i] = (uintptr_t)PyLong_AsSize_t(id);
        Py_DECREF(id);
        if (PyErr_Occurred()) return -1;
    }
    return 0;
}

static PyObject *element_marks(PyObject *self, PyObject *args) {
    PyObject *root_id, *rare_names, *rare_ids;
    int class_finder, id_finder;
    if (!PyArg_ParseTuple(args, "OiiOO", &root_id, &class_finder, &id_finder, &rare_names, &rare_ids)) return NULL;
    if (class_finder < -1 || class_finder >= finder_count || id_finder < -1 || id_finder >= finder_count) {
        PyErr_SetString(PyExc_ValueError, "no such word finder");
        return NULL;
    }
    rare_set rare;
    if (read_rare_set(rare_names, rare_ids, &rare) < 0) return NULL;
    lexbor_node *root = node_at(root_id);
    if (root == NULL) return NULL;
    PyObject *marks = PyList_New(0);
    if (marks == NULL) return NULL;
    lexbor_node *node = root;
    for (;;) {  /* as dom_shape walks */
        if (node->type != LEXBOR_TEXT && append_new(marks, element_mark(node, class_finder, id_finder, &rare)) < 0) {
            Py_DECREF(marks);
            return NULL;
        }
        node = next_node(node, root);
        if (node == NULL) break;
    }
    return marks;
}

static PyObject *dom_shape(PyObject *self, PyObject *args) {
    PyObject *root_id, *raw_tags, *rare_names = NULL, *rare_ids = NULL;
    Py_ssize_t max_nodes;
    int class_finder = -1, id_finder = -1;
    if (!PyArg_ParseTuple(args, "OOn|iiOO", &root_id, &raw_tags, &max_nodes, &class_finder, &id_finder, &rare_names,
                          &rare_ids))
        return NULL;
    rare_set rare;
    if (rare_names != NULL) {  /* (element_marks's arguments: its marks too, in the same walk) */
        if (rare_ids == NULL) {
            PyErr_SetString(PyExc_TypeError, "rare_names come with rare_ids");
            return NULL;
        }
        if (class_finder < -1 || class_finder >= finder_count || id_finder < -1 || id_finder >= finder_count) {
            PyErr_SetString(PyExc_ValueError, "no such word finder");
            return NULL;
        }
        if (read_rare_set(rare_names, rare_ids, &rare) < 0) return NULL;
    }
    lexbor_node *root = node_at(root_id);
    if (root == NULL) return NULL;
    uintptr_t raw[MAX_RAW_TAGS];
    Py_ssize_t raw_count = PySequence_Size(raw_tags);
    if (raw_count < 0) return NULL;
    if (raw_count > MAX_RAW_TAGS) {
        PyErr_SetString(PyExc_ValueError, "too many raw tags");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < raw_count; i++) {
        PyObject *tag = PySequence_GetItem(raw_tags, i);
        if (tag == NULL) return NULL;
        raw[i] = (uintptr_t)PyLong_AsSize_t(tag);
        Py_DECREF(tag);
        if (PyErr_Occurred()) return NULL;
    }
    PyObject *depths = PyList_New(0), *texts = PyList_New(0), *marks = rare_names == NULL ? NULL : PyList_New(0);
    if (depths == NULL || texts == NULL || (rare_names != NULL && marks == NULL)) goto failed;
    lexbor_node *node = root;
    long depth = 0;
    Py_ssize_t nodes = 0;
    for (;;) {  /* selectolax's traverse: the node, then its children, then what follows it */
        if (max_nodes > 0 && ++nodes > max_nodes) {
            Py_DECREF(depths);
            Py_DECREF(texts);
            if (marks == NULL) return Py_BuildValue("(OO)", Py_None, Py_None);
            Py_DECREF(marks);
            return Py_BuildValue("(OOO)", Py_None, Py_None, Py_None);
        }
        if (marks != NULL && node->type != LEXBOR_TEXT
            && append_new(marks, element_mark(node, class_finder, id_finder, &rare)) < 0)
            goto failed;
        if (append_new(depths, PyLong_FromLong(depth)) < 0) goto failed;
        if (node->type == LEXBOR_TEXT) {
            int read = 1;
            const lexbor_node *parent = node->parent;
            if (parent != NULL && parent->type == LEXBOR_ELEMENT)
                for (Py_ssize_t i = 0; i < raw_count; i++)
                    if (parent->local_name == raw[i]) read = 0;
            if (append_new(texts, read ? node_text(node) : PyUnicode_FromStringAndSize("", 0)) < 0) goto failed;
        } else if (PyList_Append(texts, Py_None) < 0) {
            goto failed;
        }
        if (node->first_child != NULL) {
            node = node->first_child;
            depth++;
            continue;
        }
        while (node != root && node->next == NULL) {
            node = node->parent;
            depth--;
        }
        if (node == root) break;
        node = node->next;
    }
    PyObject *shape = marks == NULL ? PyTuple_Pack(2, depths, texts) : PyTuple_Pack(3, depths, texts, marks);
    Py_DECREF(depths);
    Py_DECREF(texts);
    Py_XDECREF(marks);
    return shape;
failed:
    Py_XDECREF(depths);
    Py_XDECREF(texts);
    Py_XDECREF(marks);
    return NULL;
}

/* element_links(id): the addresses of an element's first and last attribute and of its id and class
   attributes (0 for none), as element_marks reads them: compared with selectolax's attributes before
   element_marks is trusted. Reads only the element's own fields. */
static PyObject *element_links(PyObject *self, PyObject *id) {
    const lexbor_node *node = node_at(id);
    if (node == NULL) return NULL;
    const lexbor_element *element = (const lexbor_element *)node;
    return Py_BuildValue("(NNNN)", PyLong_FromVoidPtr(element->first_attr), PyLong_FromVoidPtr(element->last_attr),
                         PyLong_FromVoidPtr(element->attr_id), PyLong_FromVoidPtr(element->attr_class));
}

/* attribute_names(id): an element's attributes' names as element_marks reads them, in order: the id
   of a name Lexbor knows (an int), a name it does not know (a str; None when longer than 16 bytes).
   Called on a probe page once element_links has matched selectolax's answers there. */
static PyObject *attribute_names(PyObject *self, PyObject *id) {
    const lexbor_node *node = node_at(id);
    if (node == NULL) return NULL;
    PyObject *names = PyList_New(0);
    if (names == NULL) return NULL;
    for (const lexbor_attr *attr = ((const lexbor_element *)node)->first_attr; attr != NULL; attr = attr->next) {
        uintptr_t name = attr->node.local_name;
        const lexbor_hash_entry *entry = (const lexbor_hash_entry *)name;
        PyObject *item = name <= MAX_KNOWN_NAME_ID ? PyLong_FromSize_t(name)
            : entry->length > HASH_SHORT_SIZE ? Py_NewRef(Py_None)
            : PyUnicode_DecodeUTF8((const char *)entry->u.short_str, (Py_ssize_t)entry->length, "replace");
        if (append_new(names, item) < 0) {
            Py_DECREF(names);
            return NULL;
        }
    }
    return names;
}


/* head_elements(root_id, tag_ids, names, name_ids): the elements fast_html.fast_metadata reads (its
   pure head_elements, the query `meta, link[rel], title, script[type]` through selectolax, stays the
   reference and the fallback), in document order under root, without a selectolax node nor an
   attributes dict for each: for a <meta> (0, property, name, itemprop, content), a <link> with a rel
   attribute (1, rel, href), a <title> (2, its text), a <script> with a type attribute (3, type, its
   text when the type is application/ld+json in any case, else None). tag_ids: the tag ids of meta,
   link, title and script; names: the seven attribute names in the order the tuples give them
   (property, name, itemprop, content, rel, href, type), name_ids the id Lexbor knows each by (0: a
   name it does not know, found by its text), as attribute_names reads them. Each value as
   node.attributes gives it (the last of a repeated name; None for none or a valueless one); a text as
   node.text() gives it (its text nodes' bytes, each decoded with U+FFFD for bad bytes). Used only once
   its answers on a probe page match the pure function's. */

enum { HEAD_NAMES = 7, HEAD_TAGS = 4 };

typedef struct {
    uintptr_t id[HEAD_NAMES];
    Py_ssize_t size[HEAD_NAMES];
    char name[HEAD_NAMES][HASH_SHORT_SIZE];
} head_names;

/* Which of the names an attribute has (-1: none of them). */
static int head_name_of(const lexbor_attr *attr, const head_names *names) {
    if (attr->node.prefix != 0) return -1;  /* (a qualified name: none of these) */
    uintptr_t name = attr->node.local_name;
    if (name <= MAX_KNOWN_NAME_ID) {
        for (int i = 0; i < HEAD_NAMES; i++)
            if (names->id[i] != 0 && name == names->id[i]) return i;
        return -1;
    }
    const lexbor_hash_entry *entry = (const lexbor_hash_entry *)name;
    if (entry->length > HASH_SHORT_SIZE) return -1;
    for (int i = 0; i < HEAD_NAMES; i++)
        if (names->id[i] == 0 && (size_t)names->size[i] == entry->length
            && memcmp(entry->u.short_str, names->name[i], entry->length) == 0)
            return i;
    return -1;
}

/* The text of the nodes under top, as selectolax's node.text() joins it: its text nodes' bytes, in
   document order, decoded once (U+FFFD for bad bytes). */
static PyObject *deep_text(const lexbor_node *top) {
    size_t size = 0, room = 256;
    char *bytes = PyMem_Malloc(room);
    if (bytes == NULL) return PyErr_NoMemory();
    lexbor_node *node = top->first_child;
    while (node != NULL) {
        const lexbor_character_data *text = (const lexbor_character_data *)node;
        if (node->type == LEXBOR_TEXT && text->data != NULL && text->length > 0) {
            if (size + text->length > room) {
                while (size + text->length > room) room *= 2;
                char *grown = PyMem_Realloc(bytes, room);
                if (grown == NULL) {
                    PyMem_Free(bytes);
                    return PyErr_NoMemory();
                }
                bytes = grown;
            }
            memcpy(bytes + size, text->data, text->length);
            size += text->length;
        }
        node = next_node(node, top);
    }
    PyObject *joined = PyUnicode_DecodeUTF8(bytes, (Py_ssize_t)size, "replace");
    PyMem_Free(bytes);
    return joined;
}

/* Whether an attribute's value is `application/ld+json` in any ASCII case (as str.lower() finds it:
   no other character lowers to one of its letters). */
static int is_json_ld_type(const lexbor_attr *attr) {
    static const char wanted[] = "application/ld+json";
    if (attr == NULL || attr->value == NULL || attr->value->data == NULL) return 0;
    if (attr->value->length != sizeof wanted - 1) return 0;
    for (size_t i = 0; i < sizeof wanted - 1; i++)
        if (ascii_lower(attr->value->data[i]) != (unsigned char)wanted[i]) return 0;
    return 1;
}

static PyObject *head_element(const lexbor_node *node, int kind, const head_names *names) {
    const lexbor_attr *found[HEAD_NAMES] = {NULL};
    for (const lexbor_attr *attr = ((const lexbor_element *)node)->first_attr; attr != NULL; attr = attr->next) {
        int which = head_name_of(attr, names);
        if (which >= 0) found[which] = attr;  /* (the last of a repeated name, as a dict keeps it) */
    }
    static const int wanted[HEAD_TAGS][4] = {{0, 1, 2, 3}, {4, 5, -1, -1}, {-1, -1, -1, -1}, {6, -1, -1, -1}};
    if ((kind == 1 && found[4] == NULL) || (kind == 3 && found[6] == NULL)) Py_RETURN_NONE;  /* link[rel], script[type] */
    PyObject *item = PyTuple_New(kind == 0 ? 5 : kind == 2 ? 2 : 3);
    if (item == NULL) return NULL;
    PyTuple_SetItem(item, 0, PyLong_FromLong(kind));
    Py_ssize_t at = 1;
    for (int i = 0; i < 4 && wanted[kind][i] >= 0; i++) {
        PyObject *value = attribute_value(found[wanted[kind][i]], -1);
        if (value == NULL) {
            Py_DECREF(item);
            return NULL;
        }
        PyTuple_SetItem(item, at++, value);
    }
    if (kind == 2 || kind == 3) {
        PyObject *text = kind == 2 || is_json_ld_type(found[6]) ? deep_text(node) : Py_NewRef(Py_None);
        if (text == NULL) {
            Py_DECREF(item);
            return NULL;
        }
        PyTuple_SetItem(item, at, text);
    }
    return item;
}

static PyObject *head_elements(PyObject *self, PyObject *args) {
    PyObject *root_id, *tag_ids, *name_list, *name_ids;
    if (!PyArg_ParseTuple(args, "OOOO", &root_id, &tag_ids, &name_list, &name_ids)) return NULL;
    uintptr_t tags[HEAD_TAGS];
    head_names names;
    if (PySequence_Size(tag_ids) != HEAD_TAGS || PySequence_Size(name_list) != HEAD_NAMES
        || PySequence_Size(name_ids) != HEAD_NAMES) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "4 tag ids, 7 names and 7 name ids");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < HEAD_TAGS; i++) {
        PyObject *tag = PySequence_GetItem(tag_ids, i);
        if (tag == NULL) return NULL;
        tags[i] = (uintptr_t)PyLong_AsSize_t(tag);
        Py_DECREF(tag);
        if (PyErr_Occurred()) return NULL;
    }
    for (Py_ssize_t i = 0; i < HEAD_NAMES; i++) {
        PyObject *name = PySequence_GetItem(name_list, i), *id = PySequence_GetItem(name_ids, i);
        Py_ssize_t size = 0;
        const char *utf8 = name != NULL && PyUnicode_Check(name) ? PyUnicode_AsUTF8AndSize(name, &size) : NULL;
        int fits = utf8 != NULL && size > 0 && size <= HASH_SHORT_SIZE && id != NULL;
        if (fits) {
            memcpy(names.name[i], utf8, (size_t)size);
            names.size[i] = size;
            names.id[i] = (uintptr_t)PyLong_AsSize_t(id);
        }
        Py_XDECREF(name);
        Py_XDECREF(id);
        if (!fits || PyErr_Occurred()) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "names are 1 to 16 bytes long");
            return NULL;
        }
    }
    lexbor_node *root = node_at(root_id);
    if (root == NULL) return NULL;
    PyObject *found = PyList_New(0);
    if (found == NULL) return NULL;
    lexbor_node *node = root;
    for (;;) {  /* as dom_shape walks */
        if (node->type == LEXBOR_ELEMENT) {
            for (int kind = 0; kind < HEAD_TAGS; kind++) {
                if (node->local_name != tags[kind]) continue;
                PyObject *item = head_element(node, kind, &names);
                if (item == NULL || (item != Py_None && PyList_Append(found, item) < 0)) {
                    Py_XDECREF(item);
                    Py_DECREF(found);
                    return NULL;
                }
                Py_DECREF(item);
                break;
            }
        }
        node = next_node(node, root);
        if (node == NULL) break;
    }
    return found;
}

/* walk_blocks(depths, texts, others, marks, walk): parse/fast_html.py's read_blocks loop (its pure loop,
   walk_in_python, stays the reference and the fallback; tests/test_compiled_walk.py compares the two) over
   dom_shape's depths and texts, the element nodes `others` (an iterator of selectolax nodes, in step with
   the texts' None entries) and their element_marks (or None). The contexts, effects and furniture stay
   the walk's Python objects: this loop only moves the per-node bookkeeping to C, and asks `walk` (a
   fast_html._Walk) what needs the markup read (rare attributes, new effects, cards, lone rows).
   Appends the blocks to walk.blocks and sets walk.total_chars and walk.story_chars (their characters,
   spaces aside, and those of the blocks in a story); returns 0, or 1 (more elements than walk.limit),
   2 (nested deeper than walk.max_depth): the caller raises.

   root_id (optional: the mem_id of the node the shape starts at, once element_marks is trusted) lets the
   loop follow Lexbor's tree itself, node by node in step with the shape: then an element's tag, and what
   the walk's tag sets say of it, come from a table kept for the walk by the element's name ids (the tag
   asked of selectolax once per name: selectolax's node.tag is Lexbor's name for those ids), whether it
   has children and its mem_id from its node, instead of three calls on selectolax's node object a node. */

typedef struct {
    long depth;
    PyObject *context;
    int ends_block;
} open_element;

static PyObject *s_in_article, *s_in_link, *s_furniture, *s_story, *s_chars, *s_story_chars, *s_skip, *s_hidden,
    *s_figure, *s_tag, *s_first_child, *s_inside, *s_isspace, *s_mem_id, *s_space;

static int intern_walk_names(void) {
    struct { PyObject **name; const char *text; } names[] = {
        {&s_in_article, "in_article"}, {&s_in_link, "in_link"}, {&s_furniture, "furniture"}, {&s_story, "story"},
        {&s_chars, "chars"}, {&s_story_chars, "story_chars"}, {&s_skip, "skip"}, {&s_hidden, "hidden"},
        {&s_figure, "figure"}, {&s_tag, "tag"}, {&s_first_child, "first_child"}, {&s_inside, "inside"},
        {&s_isspace, "isspace"}, {&s_mem_id, "mem_id"}, {&s_space, " "},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        *names[i].name = PyUnicode_InternFromString(names[i].text);
        if (*names[i].name == NULL) return -1;
    }
    return 0;
}

/* An attribute's truth (-1 on error). */
static int attribute_true(PyObject *object, PyObject *name) {
    PyObject *value = PyObject_GetAttr(object, name);
    if (value == NULL) return -1;
    int truth = PyObject_IsTrue(value);
    Py_DECREF(value);
    return truth;
}

/* Whether an attribute is not None (-1 on error). */
static int attribute_set(PyObject *object, PyObject *name) {
    PyObject *value = PyObject_GetAttr(object, name);
    if (value == NULL) return -1;
    int set = value != Py_None;
    Py_DECREF(value);
    return set;
}

/* object.name += amount (an int attribute). */
static int add_to_attribute(PyObject *object, PyObject *name, Py_ssize_t amount) {
    PyObject *value = PyObject_GetAttr(object, name);
    if (value == NULL) return -1;
    Py_ssize_t sum = PyLong_AsSsize_t(value);
    Py_DECREF(value);
    if (sum == -1 && PyErr_Occurred()) return -1;
    PyObject *total = PyLong_FromSsize_t(sum + amount);
    if (total == NULL) return -1;
    int failed = PyObject_SetAttr(object, name, total);
    Py_DECREF(total);
    return failed;
}

/* text.isspace() for a non-empty str (ASCII whitespace read here; other characters asked of str). */
static int text_is_space(PyObject *text) {
    Py_ssize_t length = PyUnicode_GetLength(text);
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_ReadChar(text, i);
        if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20)) continue;
        if (c < 0x80) return 0;
        PyObject *answer = PyObject_CallMethodObjArgs(text, s_isspace, NULL);
        if (answer == NULL) return -1;
        int truth = PyObject_IsTrue(answer);
        Py_DECREF(answer);
        return truth;
    }
    return 1;
}

/* Whether a node has no first child (-1 on error). */
static int childless(PyObject *node) {
    return attribute_set(node, s_first_child) == 1 ? 0 : (PyErr_Occurred() ? -1 : 1);
}

typedef struct {
    PyObject *effects, *entered, *created, *unknown, *skipped, *block_tags, *void_tags, *plain_tags, *cell_tags,
        *separator, *blocks, *rare_key, *new_effect, *card, *only_row;
    Py_ssize_t limit, max_depth;
    int cells_apart;
} walk_rules;

static void release_rules(walk_rules *rules) {
    PyObject **fields[] = {&rules->effects, &rules->entered, &rules->created, &rules->unknown, &rules->skipped,
                           &rules->block_tags, &rules->void_tags, &rules->plain_tags, &rules->cell_tags,
                           &rules->separator, &rules->blocks, &rules->rare_key, &rules->new_effect, &rules->card,
                           &rules->only_row};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) Py_CLEAR(*fields[i]);
}

static int read_rules(PyObject *walk, walk_rules *rules) {
    memset(rules, 0, sizeof *rules);
    struct { PyObject **field; const char *name; } fields[] = {
        {&rules->effects, "effects"}, {&rules->entered, "entered"}, {&rules->created, "created"},
        {&rules->unknown, "unknown"}, {&rules->skipped, "skipped"}, {&rules->block_tags, "block_tags"},
        {&rules->void_tags, "void_tags"}, {&rules->plain_tags, "plain_tags"}, {&rules->cell_tags, "cell_tags"},
        {&rules->separator, "separator"}, {&rules->blocks, "blocks"}, {&rules->rare_key, "rare_key"},
        {&rules->new_effect, "new_effect"}, {&rules->card, "card"}, {&rules->only_row, "only_row"},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if ((*fields[i].field = PyObject_GetAttrString(walk, fields[i].name)) == NULL) return -1;
    if (!PyDict_Check(rules->effects) || !PyDict_Check(rules->entered) || !PyList_Check(rules->blocks)) {
        PyErr_SetString(PyExc_TypeError, "effects and entered must be dicts, blocks a list");
        return -1;
    }
    PyObject *value;
    if ((value = PyObject_GetAttrString(walk, "limit")) == NULL) return -1;
    rules->limit = PyLong_AsSsize_t(value);
    Py_DECREF(value);
    if ((value = PyObject_GetAttrString(walk, "max_depth")) == NULL) return -1;
    rules->max_depth = PyLong_AsSsize_t(value);
    Py_DECREF(value);
    if (PyErr_Occurred()) return -1;
    if ((value = PyObject_GetAttrString(walk, "cells_apart")) == NULL) return -1;
    rules->cells_apart = PyObject_IsTrue(value);
    Py_DECREF(value);
    if (rules->cells_apart < 0) return -1;
    return 0;
}

/* What the loop reads of a context (in_link, in_article, furniture, story) or an effect (skip, story, and
   whether it makes furniture), kept for the last objects met at each place of a small table by their
   address: the walk meets the same few contexts and effects again and again, and neither changes once
   made (fast_html's _Context and _Effect). The entry holds its object, so the address stays its own. */
enum { MEMO_SIZE = 128 };

typedef struct {
    PyObject *object, *furniture, *in_article;  /* (strong references; object NULL: a free entry) */
    int in_link, story, skip, makes_furniture;
} memo_entry;

static size_t memo_place(const PyObject *object) {
    uintptr_t address = (uintptr_t)object;
    return (size_t)((address >> 4) ^ (address >> 11)) % MEMO_SIZE;
}

static void clear_memo(memo_entry *entry) {
    Py_CLEAR(entry->object);
    Py_CLEAR(entry->furniture);
    Py_CLEAR(entry->in_article);
}

static const memo_entry *context_memo(memo_entry *table, PyObject *context) {
    memo_entry *entry = &table[memo_place(context)];
    if (entry->object == context) return entry;
    PyObject *furniture = PyObject_GetAttr(context, s_furniture);
    PyObject *in_article = furniture == NULL ? NULL : PyObject_GetAttr(context, s_in_article);
    int in_link = in_article == NULL ? -1 : attribute_true(context, s_in_link);
    int story = in_link < 0 ? -1 : attribute_true(context, s_story);
    if (story < 0) {
        Py_XDECREF(furniture);
        Py_XDECREF(in_article);
        return NULL;
    }
    clear_memo(entry);
    *entry = (memo_entry){Py_NewRef(context), furniture, in_article, in_link, story, 0, 0};
    return entry;
}

static const memo_entry *effect_memo(memo_entry *table, PyObject *effect) {
    memo_entry *entry = &table[memo_place(effect)];
    if (entry->object == effect) return entry;
    /* (one at a time: no call is made with an exception set) */
    int skip = attribute_true(effect, s_skip);
    int story = skip < 0 ? -1 : attribute_true(effect, s_story);
    int furniture = story < 0 ? -1 : attribute_set(effect, s_furniture);
    int hidden = furniture < 0 ? -1 : attribute_set(effect, s_hidden);
    int figure = hidden < 0 ? -1 : attribute_true(effect, s_figure);
    if (figure < 0) return NULL;
    clear_memo(entry);
    *entry = (memo_entry){Py_NewRef(effect), NULL, NULL, 0, story, skip, furniture || hidden || figure};
    return entry;
}

/* The open block: its text parts, the context of its first text, its characters and those in links;
   and the characters of the blocks closed, and of those in a story (read_blocks's totals). */
typedef struct {
    PyObject *parts, *opened;
    Py_ssize_t chars, link_chars, total_chars, story_chars;
} open_block;

static int close_block(open_block *block, PyObject *blocks, memo_entry *contexts) {
    const memo_entry *opened = context_memo(contexts, block->opened);
    if (opened == NULL) return -1;
    int story = opened->story;
    block->total_chars += block->chars;
    if (story) block->story_chars += block->chars;
    PyObject *empty = PyUnicode_FromStringAndSize("", 0);
    if (empty == NULL) return -1;
    PyObject *text = PyUnicode_Join(empty, block->parts);
    Py_DECREF(empty);
    if (text == NULL) return -1;
    PyObject *density = PyFloat_FromDouble(block->chars ? (double)block->link_chars / (double)block->chars : 0.0);
    PyObject *item = density == NULL ? NULL : PyTuple_Pack(3, text, block->opened, density);
    Py_DECREF(text);
    Py_XDECREF(density);
    if (item == NULL || append_new(blocks, item) < 0) return -1;
    Py_CLEAR(block->opened);
    Py_DECREF(block->parts);
    block->parts = PyList_New(0);
    block->chars = block->link_chars = 0;
    return block->parts == NULL ? -1 : 0;
}

/* A new context from a call (effect.inside, walk.card): replaces *context when not None. */
static int enter_context(PyObject **context, PyObject *inner) {
    if (inner == NULL) return -1;
    if (inner == Py_None) {
        Py_DECREF(inner);
        return 0;
    }
    Py_DECREF(*context);
    *context = inner;
    return 0;
}

/* What the walk's tag sets say of a tag. */
enum { TAG_SKIPPED = 1, TAG_BLOCK = 2, TAG_VOID = 4, TAG_PLAIN = 8, TAG_CELL = 16, TAG_LINK = 32 };

/* The flags of a tag (None: skipped), by the walk's sets; -1 on error. */
static int tag_flags(PyObject *tag, const walk_rules *rules) {
    if (tag == Py_None) return TAG_SKIPPED;
    struct { PyObject *set; int flag; } sets[] = {
        {rules->skipped, TAG_SKIPPED}, {rules->block_tags, TAG_BLOCK}, {rules->void_tags, TAG_VOID},
        {rules->plain_tags, TAG_PLAIN}, {rules->cell_tags, TAG_CELL},
    };
    int flags = 0;
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        int found = PySet_Contains(sets[i].set, tag);
        if (found < 0) return -1;
        if (found) flags |= sets[i].flag;
    }
    if (PyUnicode_GetLength(tag) > 0 && PyUnicode_ReadChar(tag, 0) == '-') flags |= TAG_SKIPPED;
    if (PyUnicode_CompareWithASCIIString(tag, "a") == 0) flags |= TAG_LINK;
    return flags;
}

/* The tags met in one walk, by the name ids that make a node's tag in selectolax (its type, its tag id
   and, for an element, its qualified name's id: lxb_dom_element_qualified_name reads that name when set,
   else the tag id's), each with its flags. Open addressing; a full table leaves new names uncached. */
enum { TAG_TABLE_SIZE = 512 };

typedef struct {
    PyObject *tag; /* NULL: a free slot */
    uintptr_t local_name, qualified_name;
    int type, flags;
} tag_entry;

static tag_entry *tag_slot(tag_entry *table, const lexbor_node *node, uintptr_t qualified_name) {
    size_t hash = (size_t)(node->local_name * 31u + qualified_name * 17u + (uintptr_t)node->type) % TAG_TABLE_SIZE;
    for (size_t probe = 0; probe < TAG_TABLE_SIZE; probe++) {
        tag_entry *slot = &table[(hash + probe) % TAG_TABLE_SIZE];
        if (slot->tag == NULL || (slot->local_name == node->local_name && slot->qualified_name == qualified_name
                                  && slot->type == node->type))
            return slot;
    }
    return NULL;
}

/* The next node after `node` in the order of dom_shape (selectolax's traverse) under root; NULL at the end. */
static PyObject *walk_blocks(PyObject *self, PyObject *args) {
    PyObject *depths, *texts, *others, *marks, *walk, *root_id = Py_None;
    if (!PyArg_ParseTuple(args, "O!O!OOO|O", &PyList_Type, &depths, &PyList_Type, &texts, &others, &marks, &walk,
                          &root_id))
        return NULL;
    lexbor_node *root = NULL, *cursor = NULL;  /* (with root_id: the node of the shape's next entry) */
    if (root_id != Py_None && (root = cursor = node_at(root_id)) == NULL) return NULL;
    tag_entry *tags = root == NULL ? NULL : PyMem_Calloc(TAG_TABLE_SIZE, sizeof *tags);
    if (root != NULL && tags == NULL) return PyErr_NoMemory();
    memo_entry *contexts = PyMem_Calloc(2 * MEMO_SIZE, sizeof *contexts), *effects = contexts + MEMO_SIZE;
    if (contexts == NULL) {
        PyMem_Free(tags);
        return PyErr_NoMemory();
    }
    if (marks != Py_None && !PyList_Check(marks)) {
        PyErr_SetString(PyExc_TypeError, "marks must be a list or None");
        return NULL;
    }
    if (!PyIter_Check(others)) {  /* (PyIter_Next on anything else reads a NULL slot) */
        PyErr_SetString(PyExc_TypeError, "others must be an iterator");
        return NULL;
    }
    walk_rules rules;
    Py_ssize_t capacity = 64, height = 0, elements = 0, mark_at = 0, result = -1;
    open_element *stack = PyMem_Malloc((size_t)capacity * sizeof *stack);
    open_block block = {PyList_New(0), NULL, 0, 0, 0, 0};
    PyObject *context = NULL, *bottom = NULL, *node = NULL, *tag = NULL, *key = NULL, *effect = NULL, *attributes = NULL;
    if (read_rules(walk, &rules) < 0 || block.parts == NULL) goto done;
    if (stack == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if ((bottom = PyObject_GetAttrString(walk, "context")) == NULL) goto done;
    context = Py_NewRef(bottom);
    stack[height++] = (open_element){-1, Py_NewRef(bottom), 0};
    long top = -1, skipped_at = -1;
    int boundary = 0;
    int cell_start = 0, joinable = 0;  /* (walk_in_python's: when a link alone below a break in a cell ends at the next cell) */
    Py_ssize_t count = PyList_Size(depths);
    if (PyList_Size(texts) != count) {
        PyErr_SetString(PyExc_ValueError, "depths and texts differ in length");
        goto done;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        long depth = PyLong_AsLong(PyList_GetItem(depths, i));
        if (depth == -1 && PyErr_Occurred()) goto done;
        if (depth < 0) {  /* (the stack's bottom is at -1: it is never closed) */
            PyErr_SetString(PyExc_ValueError, "depths must not be negative");
            goto done;
        }
        PyObject *text = PyList_GetItem(texts, i);
        lexbor_node *at = cursor;  /* (this entry's node, with root_id) */
        if (root != NULL) {
            if (at == NULL || (at->type == LEXBOR_TEXT) != (text != Py_None)) {
                PyErr_SetString(PyExc_ValueError, "the tree under root_id is not the shape's");
                goto done;
            }
            cursor = next_node(at, root);
        }
        if (skipped_at >= 0) {
            if (depth > skipped_at) {
                if (text == Py_None) {  /* (its node, in step) */
                    PyObject *skipped = PyIter_Next(others);
                    if (skipped == NULL) {
                        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "fewer nodes than the shape says");
                        goto done;
                    }
                    Py_DECREF(skipped);
                    mark_at++;
                }
                continue;
            }
            skipped_at = -1;
        }
        while (top >= depth) {  /* elements close */
            open_element closed = stack[--height];
            Py_DECREF(context);
            context = closed.context;  /* (the stack's reference) */
            boundary = boundary || closed.ends_block;
            top = stack[height - 1].depth;
        }
        if (text != Py_None) {
            if (boundary) {
                if (block.opened != NULL && close_block(&block, rules.blocks, contexts) < 0) goto done;
                boundary = 0;
            }
            if (block.opened == NULL) {
                if (PyUnicode_GetLength(text) == 0) continue;
                int space = text_is_space(text);
                if (space < 0) goto done;
                if (space) continue;
                block.opened = Py_NewRef(context);
                joinable = cell_start;
                cell_start = 0;
            }
            if (PyList_Append(block.parts, text) < 0) goto done;
            Py_ssize_t spaces = PyUnicode_Count(text, s_space, 0, PY_SSIZE_T_MAX);
            if (spaces < 0) goto done;
            Py_ssize_t size = PyUnicode_GetLength(text) - spaces;
            block.chars += size;
            const memo_entry *around = context_memo(contexts, context);
            if (around == NULL) goto done;
            if (around->in_link) block.link_chars += size;
            if (around->furniture != Py_None) {
                if (add_to_attribute(around->furniture, s_chars, size) < 0) goto done;
                if (around->story && add_to_attribute(around->furniture, s_story_chars, size) < 0) goto done;
            }
            continue;
        }
        Py_CLEAR(node);
        Py_CLEAR(tag);
        Py_CLEAR(key);
        Py_CLEAR(effect);
        Py_CLEAR(attributes);
        if ((node = PyIter_Next(others)) == NULL) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "fewer nodes than the shape says");
            goto done;
        }
        PyObject *mark = marks == Py_None ? Py_None : PyList_GetItem(marks, mark_at);
        if (mark == NULL) goto done;
        mark_at++;
        int flags;
        tag_entry *known = NULL;
        if (root != NULL) {
            uintptr_t qualified_name = at->type == LEXBOR_ELEMENT ? ((const lexbor_element *)at)->qualified_name : 0;
            known = tag_slot(tags, at, qualified_name);
        }
        if (known != NULL && known->tag != NULL) {
            tag = Py_NewRef(known->tag);
            flags = known->flags;
        } else {  /* a name not met yet in this walk (or no table) */
            if ((tag = PyObject_GetAttr(node, s_tag)) == NULL || (flags = tag_flags(tag, &rules)) < 0) goto done;
            if (known != NULL)
                *known = (tag_entry){Py_NewRef(tag), at->local_name,
                                     at->type == LEXBOR_ELEMENT ? ((const lexbor_element *)at)->qualified_name : 0,
                                     at->type, flags};
        }
        if (flags & TAG_SKIPPED) {
            skipped_at = depth;
            continue;
        }
        elements++;
        if (rules.limit > 0 && elements > rules.limit) {
            result = 1;
            goto done;
        }
        int is_block = (flags & TAG_BLOCK) != 0;
        if (flags & TAG_VOID) {
            int empty = at != NULL ? at->first_child == NULL : childless(node);
            if (empty < 0) goto done;
            if (empty) {  /* <br>, <hr>, <img>: at most a block break */
                boundary = boundary || is_block;
                continue;
            }
        }
        if (height > rules.max_depth) {
            int empty = at != NULL ? at->first_child == NULL : childless(node);
            if (empty < 0) goto done;
            if (!empty) {
                result = 2;
                goto done;
            }
        }
        const memo_entry *around = context_memo(contexts, context);
        if (around == NULL) goto done;
        PyObject *in_article = Py_NewRef(around->in_article);
        if (mark == Py_False) {
            key = flags & TAG_PLAIN ? Py_NewRef(Py_None) : PyTuple_Pack(4, tag, Py_None, Py_None, in_article);
        } else if (mark != Py_None) {
            PyObject *classes = PyTuple_GetItem(mark, 0), *ident = PyTuple_GetItem(mark, 1);
            key = classes == NULL || ident == NULL ? NULL : PyTuple_Pack(4, tag, classes, ident, in_article);
        } else {  /* rare attributes, or no marks: walk.rare_key gives the key and the attributes it read */
            PyObject *pair = PyObject_CallFunctionObjArgs(rules.rare_key, node, tag, in_article, NULL);
            if (pair != NULL && PyTuple_Check(pair) && PyTuple_Size(pair) == 2) {
                key = Py_NewRef(PyTuple_GetItem(pair, 0));
                attributes = Py_NewRef(PyTuple_GetItem(pair, 1));
            } else if (pair != NULL) {
                PyErr_SetString(PyExc_TypeError, "rare_key must return a pair");
            }
            Py_XDECREF(pair);
        }
        if (key == NULL) {
            Py_DECREF(in_article);
            goto done;
        }
        if (key == Py_None) {
            effect = Py_NewRef(Py_None);
        } else {
            effect = PyDict_GetItemWithError(rules.effects, key);
            if (effect == NULL && PyErr_Occurred()) {
                Py_DECREF(in_article);
                goto done;
            }
            if (effect != NULL) {
                Py_INCREF(effect);
            } else {
                effect = PyObject_CallFunctionObjArgs(rules.new_effect, node, tag, attributes ? attributes : Py_None,
                                                      in_article, NULL);
                if (effect == NULL || PyDict_SetItem(rules.effects, key, effect) < 0) {
                    Py_DECREF(in_article);
                    goto done;
                }
            }
        }
        Py_DECREF(in_article);
        const memo_entry *acting = effect == Py_None ? NULL : effect_memo(effects, effect);
        if (effect != Py_None && acting == NULL) goto done;
        if (acting != NULL) {
            if (acting->skip) {  /* text for screen readers only: never read */
                if (is_block && !boundary) {
                    int empty = at != NULL ? at->first_child == NULL : childless(node);
                    if (empty < 0) goto done;
                    boundary = empty;
                }
                skipped_at = depth;
                continue;
            }
        }
        int is_cell = (flags & TAG_CELL) != 0;
        int breaks = is_block;
        if (!breaks && rules.cells_apart && is_cell) {
            PyObject *lone = PyObject_CallFunctionObjArgs(rules.only_row, node, NULL);
            if (lone == NULL) goto done;
            breaks = PyObject_IsTrue(lone);
            Py_DECREF(lone);
            if (breaks < 0) goto done;
        }
        if (breaks) {
            boundary = 1;
        } else if (is_cell && PyList_Size(block.parts) > 0 && !boundary) {
            if (!joinable && block.link_chars >= block.chars) {  /* a link alone below a break: a menu column's */
                boundary = 1;
            } else if (PyList_Append(block.parts, rules.separator) < 0) {
                goto done;
            }
        }
        if (is_cell) cell_start = 1;
        if (flags & TAG_LINK) {
            int empty = at != NULL ? at->first_child == NULL : childless(node);
            if (empty < 0) goto done;
            if (empty && enter_context(&context, PyObject_CallFunctionObjArgs(rules.card, node, attributes ? attributes
                                                                             : Py_None, context, NULL)) < 0)
                goto done;
        }
        top = depth;
        if (height == capacity) {
            open_element *grown = PyMem_Realloc(stack, (size_t)(capacity * 2) * sizeof *stack);
            if (grown == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            stack = grown;
            capacity *= 2;
        }
        stack[height++] = (open_element){depth, Py_NewRef(context), is_block};
        if (effect == Py_None) continue;
        if (acting->story && (around = context_memo(contexts, context)) == NULL) goto done;  /* (after a card) */
        if (acting->story && !around->story) {  /* a new story: its own context */
            PyObject *id = at != NULL ? PyLong_FromVoidPtr(at) : PyObject_GetAttr(node, s_mem_id);
            if (id == NULL) goto done;
            PyObject *inner = PyObject_CallMethodObjArgs(effect, s_inside, context, rules.created, id, NULL);
            Py_DECREF(id);
            if (enter_context(&context, inner) < 0) goto done;
            continue;
        }
        if (acting->makes_furniture) {  /* new furniture: never shared */
            if (enter_context(&context, PyObject_CallMethodObjArgs(effect, s_inside, context, rules.created, NULL)) < 0)
                goto done;
            continue;
        }
        PyObject *entering = PyTuple_Pack(2, context, effect);
        if (entering == NULL) goto done;
        PyObject *inner = PyDict_GetItemWithError(rules.entered, entering);
        if (inner != NULL) {
            Py_INCREF(inner);
        } else if (!PyErr_Occurred()) {
            inner = PyObject_CallMethodObjArgs(effect, s_inside, context, rules.created, NULL);
            if (inner != NULL && PyDict_SetItem(rules.entered, entering, inner) < 0) Py_CLEAR(inner);
        }
        Py_DECREF(entering);
        if (enter_context(&context, inner) < 0) goto done;
    }
    if (block.opened != NULL && close_block(&block, rules.blocks, contexts) < 0) goto done;
    PyObject *total = PyLong_FromSsize_t(block.total_chars), *story = PyLong_FromSsize_t(block.story_chars);
    int failed = total == NULL || story == NULL || PyObject_SetAttrString(walk, "total_chars", total) < 0
                 || PyObject_SetAttrString(walk, "story_chars", story) < 0;
    Py_XDECREF(total);
    Py_XDECREF(story);
    if (failed) goto done;
    result = 0;
done:
    for (Py_ssize_t i = 0; i < height; i++) Py_DECREF(stack[i].context);
    PyMem_Free(stack);
    Py_XDECREF(block.parts);
    Py_XDECREF(block.opened);
    Py_XDECREF(context);
    Py_XDECREF(bottom);
    Py_XDECREF(node);
    Py_XDECREF(tag);
    Py_XDECREF(key);
    Py_XDECREF(effect);
    Py_XDECREF(attributes);
    if (tags != NULL) {
        for (size_t i = 0; i < TAG_TABLE_SIZE; i++) Py_XDECREF(tags[i].tag);
        PyMem_Free(tags);
    }
    for (size_t i = 0; i < 2 * MEMO_SIZE; i++) clear_memo(&contexts[i]);
    PyMem_Free(contexts);
    release_rules(&rules);
    if (result < 0) return NULL;
    return PyLong_FromSsize_t(result);
}

/* ascii_line(raw): fast_html.make_blocks's clean line of an ASCII block text, as normalize_line gives it
   once line breaks and tabs are spaces (parse/text.py stays the reference; tests/test_compiled_walk.py
   compares the two): other control characters dropped, runs of spaces made one, the ends stripped. None
   for a text that is not ASCII (the caller cleans it in Python). */
static PyObject *ascii_line(PyObject *self, PyObject *raw) {
    if (!PyUnicode_Check(raw)) {
        PyErr_SetString(PyExc_TypeError, "ascii_line takes a str");
        return NULL;
    }
    Py_ssize_t size;
    const char *text = PyUnicode_AsUTF8AndSize(raw, &size);
    if (text == NULL) return NULL;
    char small[512];
    char *out = size <= (Py_ssize_t)sizeof small ? small : PyMem_Malloc((size_t)size);
    if (out == NULL) return PyErr_NoMemory();
    Py_ssize_t length = 0;
    int space = 0;  /* a space is pending (written only before a later character: the ends stay stripped) */
    for (Py_ssize_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80) {
            if (out != small) PyMem_Free(out);
            Py_RETURN_NONE;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = length > 0;
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue;  /* control characters: dropped, as strip_control drops them */
        if (space) out[length++] = ' ';
        space = 0;
        out[length++] = (char)c;
    }
    PyObject *line = length == size && memcmp(out, text, (size_t)size) == 0 ? Py_NewRef(raw)
                     : PyUnicode_FromStringAndSize(out, length);
    if (out != small) PyMem_Free(out);
    return line;
}

static PyMethodDef methods[] = {
    {"most_attributes", most_attributes, METH_VARARGS,
     "most_attributes(text, at_least): parse.html.most_attributes, None when the text has no UTF-8 form."},
    {"dom_shape", dom_shape, METH_VARARGS,
     "dom_shape(root_id, raw_tags, max_nodes[, class_finder, id_finder, rare_names, rare_ids]): parse.domshape.dom_shape's "
     "depths and texts of a Lexbor tree (and element_marks's marks, in the same walk)."},
    {"word_finder", word_finder, METH_O, "word_finder(words): a number for holds_word, for these lower-case ASCII words."},
    {"holds_word", holds_word, METH_VARARGS,
     "holds_word(value, finder): True when value.lower() holds one of the finder's words (or value is not ASCII)."},
    {"element_marks", element_marks, METH_VARARGS,
     "element_marks(root_id, class_finder, id_finder, rare_names, rare_ids): elements' class and id, rare ones aside."},
    {"attribute_names", attribute_names, METH_O, "attribute_names(id): a Lexbor element's attributes' names or name ids."},
    {"element_links", element_links, METH_O,
     "element_links(id): a Lexbor element's first and last attribute, its id and class attributes."},
    {"node_links", node_links, METH_O,
     "node_links(id): a Lexbor node's parent, first child, next sibling, type, tag id and text length."},
    {"head_elements", head_elements, METH_VARARGS,
     "head_elements(root_id, tag_ids, names, name_ids): the meta, link, title and script elements fast_metadata reads."},
    {"ascii_line", ascii_line, METH_O, "ascii_line(raw): make_blocks's clean line of an ASCII text; None for other text."},
    {"walk_blocks", walk_blocks, METH_VARARGS,
     "walk_blocks(depths, texts, others, marks, walk[, root_id]): parse.fast_html's read_blocks loop; 0, or 1/2 for "
     "too large."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_markup", "newsclean's optional compiled markup scans.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__markup(void) {
    set_byte_kinds();
    no_values = PyTuple_Pack(2, Py_None, Py_None);
    if (no_values == NULL || intern_walk_names() < 0) return NULL;
    return PyModule_Create(&module);
}
