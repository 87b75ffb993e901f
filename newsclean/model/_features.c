/* The optional compiled core of newsclean.model.features: line_features of the lines of printable
   ASCII, the Latin-1 letters (French, German, Spanish, ...) and common typographic punctuation
   (is_extra): the bulk of news text in Latin letters.

   ascii_rows(texts, stopwords) -> list: for each text (None stands for one to leave alone), the
   tuple of LineFeatures' fields that features.line_features(text, stopwords) gives, or None where
   the text is not handled here (any other character, or longer than FEATURE_PREFIX_CHARS); lines with
   CJK characters are taken too (Chinese, Japanese kana). ascii_tokens(texts):
   text.tokens of each such text, or None. The Python function stays the reference: every
   expression below mirrors one of it, and tests compare the two line by line and on the corpora's
   whole output. Built against the stable ABI (abi3), Python 3.11 and later. */

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030B0000
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <string.h>

/* Constants of features.py and parse/text.py (a test checks they still agree). */
#define FEATURE_PREFIX_CHARS 4000
#define SHORT_LINE_CHARS 300
#define MAX_FOLDED_WORDS 45
#define LONG_LINE_HEAD_WORDS 12
#define MAX_GLUED_WORDS 12
#define TITLE_CASE_SHARE 0.8
#define FOLD_PREFIX_CHARS 400
#define CJK_WORD_WEIGHT 0.5

/* CJK characters (text.CJK_RANGES) that this core takes: all but the halfwidth katakana and the
   supplementary planes (letters to text.TRUNCATED). None is cased, a digit, or changed by casefold. */
static int is_cjk(Py_UCS4 c) {
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3005 && c <= 0x3007) || (c >= 0x3021 && c <= 0x3029) ||
           (c >= 0x3031 && c <= 0x3035) || (c >= 0x3038 && c <= 0x303C) || (c >= 0x3040 && c <= 0x30FF) ||
           (c >= 0x3100 && c <= 0x312F) || (c >= 0x31A0 && c <= 0x31BF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* The other characters this core takes: typographic punctuation that news text in Latin letters is
   full of (curly quotes, dashes, the ellipsis: U+2010-U+2027), Latin-1 signs (U+00A1-U+00BF), and
   the signs, arrows and box drawing of the other SEPARATOR_RANGES (U+2030-U+205E, U+2190-U+23FF,
   U+2500-U+27BF: menus' "►", "│", "‹ ›"). Every one is a separator of text.tokens, uncased, no
   digit, no whitespace, and no glue; left out are those that are letters or numbers to Python (ª º µ
   ² ³ ¹ ¼ ½ ¾, the circled digits U+2776-U+2793) and the soft hyphen. */
static int is_extra(Py_UCS4 c) {
    if (c >= 0x2010 && c <= 0x2027) return 1;
    /* CJK punctuation, fullwidth signs (not the ideographic space, whitespace to Python). */
    if (c >= 0x3001) return c <= 0x3004 || (c >= 0x3008 && c <= 0x3020) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20);
    if (c >= 0x2030) return c <= 0x205E || (c >= 0x2190 && c <= 0x23FF) || (c >= 0x2500 && c <= 0x27BF && (c < 0x2776 || c > 0x2793));
    if (c < 0xA1 || c > 0xBF) return 0;
    return c != 0xAA && c != 0xAD && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0xB9 && c != 0xBA && c < 0xBC;
}

/* A word boundary of text.tokens: whitespace or a separator (SEPARATOR_RANGES, of the characters taken). */
static int separator_of(Py_UCS4 c) {
    return c == ' ' || (c >= 0x21 && c <= 0x26) || (c >= 0x28 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
           (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E) || c == 0xD7 || c == 0xF7 || is_extra(c);
}

/* separator_of for the first 256 code points (nearly every character of a Latin page), filled from
   it when the module loads: the word loops below test each character, and the cascade of ranges
   cost more than the rest of their work. */
static unsigned char latin1_separators[256];

static void fill_latin1_separators(void) {
    for (Py_UCS4 c = 0; c < 256; c++) latin1_separators[c] = (unsigned char)separator_of(c);
}

static inline int is_separator(Py_UCS4 c) { return c < 256 ? latin1_separators[c] : separator_of(c); }

/* TRAILING_CLOSERS, of the characters taken. */
static int is_closer(Py_UCS4 c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '*' || c == 0x201D || c == 0x2019 ||
           c == 0xBB || c == 0x203A || c == 0x300D || c == 0x300F || c == 0xFF09 || c == 0x3011 || c == 0x201C ||
           c == 0x2018 || c == 0xAB || c == 0x2039;
}

/* SENTENCE_END, of the characters taken (the ellipsis is U+2026). */
static int is_stop(Py_UCS4 c) {
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}
/* features.CJK_INNER_SENTENCE_END's stops, and the closers it lets follow them. */
static int is_cjk_stop(Py_UCS4 c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; }
static int is_cjk_closer(Py_UCS4 c) {
    return c == 0x300D || c == 0x300F || c == 0xFF09 || c == 0x3011 || c == 0x201D || c == 0x2019 || c == '"' || c == '\'';
}
/* Cased letters (str.isupper, str.islower) of the characters taken: ASCII and the Latin-1 letters
   (U+00C0-U+00FF but the signs × and ÷; ß and ÿ are lower case with no capital in Latin-1). */
static int is_upper(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
static int is_lower(Py_UCS4 c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
/* The two sides of text.GLUE, a lower-case letter then a capital or a digit, as its classes are
   written ([a-zà-ÿ] and [A-ZÀ-Þ0-9]: they hold ÷ and × too). */
static int glue_before(Py_UCS4 c) { return (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFF); }
static int glue_after(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE) || (c >= '0' && c <= '9'); }
static int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

/* str.istitle of one word of the characters taken. */
static int is_title(const Py_UCS4 *s, Py_ssize_t n) {
    int cased = 0, previous_cased = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = s[i];
        if (is_upper(c)) {
            if (previous_cased) return 0;
            previous_cased = cased = 1;
        } else if (is_lower(c)) {
            if (!previous_cased) return 0;
            previous_cased = cased = 1;
        } else {
            previous_cased = 0;
        }
    }
    return cased;
}

/* text.ends_sentence of the characters taken (the other terms of sentence_end need other scripts). */
static int ends_sentence(const Py_UCS4 *s, Py_ssize_t n) {
    while (n > 0 && (s[n - 1] == ' ' || is_closer(s[n - 1]))) n--;
    if (n == 0 || !is_stop(s[n - 1])) return 0;
    /* Cut short (TRUNCATED): a letter, then an ellipsis or three dots or more to the end. */
    if (s[n - 1] == 0x2026) return !(n >= 2 && (is_upper(s[n - 2]) || is_lower(s[n - 2])));
    Py_ssize_t dots = 0;
    while (dots < n && s[n - 1 - dots] == '.') dots++;
    if (dots >= 3 && dots < n) {
        Py_UCS4 before = s[n - 1 - dots];
        if (is_upper(before) || is_lower(before)) return 0;
    }
    return 1;
}

/* A character of a word of text.tokens: of a text without CJK characters, any but a separator; of
   one with them (text.CJK_WORD), a word character (\w: letters, digits, the underscore), each CJK
   character being a word of its own. */
static int in_word(Py_UCS4 c, int cjk) {
    if (!cjk) return !is_separator(c);
    return is_upper(c) || is_lower(c) || is_digit(c) || c == '_';
}

static int count_cjk(const Py_UCS4 *s, Py_ssize_t n) {
    Py_ssize_t count = 0;
    /* (Below U+2E80, the start of is_cjk's first range, no test of the ranges: most characters.) */
    for (Py_ssize_t i = 0; i < n; i++) count += s[i] >= 0x2E80 && is_cjk(s[i]);
    return (int)(count > 0x7FFFFFFF ? 0x7FFFFFFF : count);
}

/* A visitor of a text's words: the word's case-folded Latin-1 bytes, or (latin1 NULL) the CJK
   character that is a word of its own; a negative answer (an error) stops the walk. */
typedef int (*WordVisitor)(void *state, const char *latin1, Py_ssize_t length, Py_UCS4 cjk_char);

/* text.tokens of a text of the characters taken, each word given to `visit` in order: the
   case-folded runs of word characters. Folded, a capital is its letter 32 code points on; ß is
   "ss" (str.casefold), so a word may grow. Returns 0, or -1 on the visitor's error. */
static int each_word(const Py_UCS4 *s, Py_ssize_t n, WordVisitor visit, void *state) {
    int cjk = count_cjk(s, n) > 0;
    char buffer[2 * FEATURE_PREFIX_CHARS];
    for (Py_ssize_t i = 0; i < n;) {
        if (cjk && is_cjk(s[i])) {
            if (visit(state, NULL, 0, s[i++]) < 0) return -1;
            continue;
        }
        if (!in_word(s[i], cjk)) {
            i++;
            continue;
        }
        Py_ssize_t length = 0;
        for (; i < n && in_word(s[i], cjk); i++) {
            Py_UCS4 c = s[i];
            if (c == 0xDF) {
                buffer[length++] = 's';
                c = 's';
            } else if (is_upper(c)) {
                c += 32;
            }
            buffer[length++] = (char)c;
        }
        if (visit(state, buffer, length, 0) < 0) return -1;
    }
    return 0;
}

/* The str of a word as each_word gives it. */
static PyObject *word_object(const char *latin1, Py_ssize_t length, Py_UCS4 cjk_char) {
    return latin1 == NULL ? PyUnicode_FromOrdinal((int)cjk_char) : PyUnicode_DecodeLatin1(latin1, length, NULL);
}

static int append_word(void *words, const char *latin1, Py_ssize_t length, Py_UCS4 cjk_char) {
    PyObject *word = word_object(latin1, length, cjk_char);
    int failed = word == NULL || PyList_Append((PyObject *)words, word) < 0;
    Py_XDECREF(word);
    return failed ? -1 : 0;
}

/* text.tokens of a text of the characters taken, as a list of str. */
static PyObject *ascii_words(const Py_UCS4 *s, Py_ssize_t n) {
    PyObject *words = PyList_New(0);
    if (words != NULL && each_word(s, n, append_word, words) < 0) Py_CLEAR(words);
    return words;
}

/* Copies the text into `s` and returns 1 when it is printable ASCII, Latin-1 letters and the extra characters, no
   longer than FEATURE_PREFIX_CHARS; else 0 (-1 on an error). */
static int taken_chars(PyObject *text, Py_UCS4 *s, Py_ssize_t *n) {
    if (text == Py_None) return 0;
    *n = PyUnicode_GetLength(text);
    if (*n < 0) return -1;
    if (*n > FEATURE_PREFIX_CHARS) return 0;
    if (*n > 0 && PyUnicode_AsUCS4(text, s, FEATURE_PREFIX_CHARS, 0) == NULL) return -1;
    for (Py_ssize_t i = 0; i < *n; i++) {
        /* Printable ASCII (one kind of space), a Latin-1 letter (or × ÷), an extra or a CJK character. */
        if ((s[i] < 0x20 || s[i] > 0x7E) && (s[i] < 0xC0 || s[i] > 0xFF) && !is_extra(s[i]) && !is_cjk(s[i])) return 0;
    }
    return 1;
}

/* A set of words as a C hash table of their UTF-8 bytes (open addressing), built for the last set
   passed and kept with a reference to it: a line's words are looked up without becoming strings.
   Two of them: the page language's stop words (the line features) and every language's (the
   language sample), so neither is rebuilt when the other is asked. */
typedef struct {
    unsigned long long hash;
    const char *key; /* the set's string's own UTF-8 buffer, alive while the set is */
    Py_ssize_t size;
} StopEntry;
typedef struct {
    PyObject *owner;
    StopEntry *entries;
    size_t mask;
} StopTable;
static StopTable line_stops = {NULL, NULL, 0}, sample_stops = {NULL, NULL, 0};

static unsigned long long hash_bytes(const char *bytes, Py_ssize_t size) {
    unsigned long long hash = 1469598103934665603ULL; /* FNV-1a */
    for (Py_ssize_t i = 0; i < size; i++) hash = (hash ^ (unsigned char)bytes[i]) * 1099511628211ULL;
    return hash;
}

static int stop_table_for(StopTable *stops, PyObject *stopwords) {
    if (stopwords == stops->owner && PyFrozenSet_Check(stopwords)) return 0; /* a set may have changed */
    Py_ssize_t count = PyObject_Size(stopwords);
    if (count < 0) return -1;
    size_t size = 16;
    while (size < 2 * (size_t)count + 1) size *= 2;
    StopEntry *table = PyMem_Calloc(size, sizeof(StopEntry));
    if (table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject *iterator = PyObject_GetIter(stopwords), *word;
    if (iterator == NULL) {
        PyMem_Free(table);
        return -1;
    }
    while ((word = PyIter_Next(iterator)) != NULL) {
        Py_ssize_t length;
        const char *key = PyUnicode_Check(word) ? PyUnicode_AsUTF8AndSize(word, &length) : NULL;
        Py_DECREF(word); /* the set keeps the string, and with it its UTF-8 buffer */
        if (key == NULL) {
            PyErr_Clear(); /* not a string (or not encodable): no word of a line can equal it */
            continue;
        }
        unsigned long long hash = hash_bytes(key, length);
        size_t at = (size_t)hash & (size - 1);
        while (table[at].key != NULL) at = (at + 1) & (size - 1);
        table[at] = (StopEntry){hash, key, length};
    }
    Py_DECREF(iterator);
    if (PyErr_Occurred()) {
        PyMem_Free(table);
        return -1;
    }
    PyMem_Free(stops->entries);
    Py_XDECREF(stops->owner);
    Py_INCREF(stopwords);
    stops->owner = stopwords, stops->entries = table, stops->mask = size - 1;
    return 0;
}

static int in_stop_table(const StopTable *stops, const char *word, Py_ssize_t size) {
    unsigned long long hash = hash_bytes(word, size);
    const StopEntry *table = stops->entries;
    for (size_t at = (size_t)hash & stops->mask; table[at].key != NULL; at = (at + 1) & stops->mask) {
        if (table[at].hash == hash && table[at].size == size && memcmp(table[at].key, word, size) == 0) return 1;
    }
    return 0;
}

static int is_stopword(const char *word, Py_ssize_t size) { return in_stop_table(&line_stops, word, size); }

/* Appends a character to a UTF-8 buffer (the characters taken are all in the BMP). */
static Py_ssize_t put_utf8(char *out, Py_ssize_t at, Py_UCS4 c) {
    if (c < 0x80) {
        out[at++] = (char)c;
    } else if (c < 0x800) {
        out[at++] = (char)(0xC0 | (c >> 6));
        out[at++] = (char)(0x80 | (c & 0x3F));
    } else {
        out[at++] = (char)(0xE0 | (c >> 12));
        out[at++] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[at++] = (char)(0x80 | (c & 0x3F));
    }
    return at;
}

/* What ascii_words gives, read without making a string of each word: " ".join(words) in UTF-8 into
   `out` (at most 4 bytes a character), the number of words, those that are digits alone and those
   that are stop words (when `stops`), and the length of the join of the first
   LONG_LINE_HEAD_WORDS words. */
typedef struct {
    Py_ssize_t length, count, numbers, stop_hits, head_length;
} Reading;

static Reading read_words(const Py_UCS4 *s, Py_ssize_t n, int split_glue, int stops, char *out) {
    Reading r = {0, 0, 0, 0, 0};
    int cjk = count_cjk(s, n) > 0;
    for (Py_ssize_t i = 0; i < n;) {
        Py_ssize_t start;
        int digits = 1;
        if (cjk && is_cjk(s[i])) {
            if (r.count) out[r.length++] = ' ';
            start = r.length;
            r.length = put_utf8(out, r.length, s[i++]);
            digits = 0;
        } else if (!in_word(s[i], cjk)) {
            i++;
            continue;
        } else {
            if (r.count) out[r.length++] = ' ';
            start = r.length;
            Py_ssize_t first = i;
            for (; i < n && in_word(s[i], cjk); i++) {
                Py_UCS4 c = s[i];
                if (split_glue && i > first && glue_before(s[i - 1]) && glue_after(c)) break;
                if (c == 0xDF) {
                    out[r.length++] = 's';
                    c = 's';
                } else if (is_upper(c)) {
                    c += 32;
                }
                digits &= is_digit(c);
                r.length = put_utf8(out, r.length, c);
            }
        }
        r.count++;
        r.numbers += digits;
        if (stops) r.stop_hits += is_stopword(out + start, r.length - start);
        if (r.count == LONG_LINE_HEAD_WORDS) r.head_length = r.length;
    }
    if (r.count < LONG_LINE_HEAD_WORDS) r.head_length = r.length;
    return r;
}

/* A row of `count` fields (new references, stolen, also on an error; none NULL) as an instance of
   `type`, a subclass of tuple (LineFeatures), made as tuple.__new__(type, fields) makes it: no
   tuple of the fields made first, nor a Python frame; with type NULL, a plain tuple. */
static PyObject *row_of(PyTypeObject *type, PyObject **fields, Py_ssize_t count) {
    PyObject *row = NULL;
    if (type == NULL) {
        row = PyTuple_New(count);
    } else {
        allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
        row = alloc(type, count);
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        if (row == NULL || PyTuple_SetItem(row, i, fields[i]) < 0) {
            for (Py_ssize_t j = row == NULL ? i : i + 1; j < count; j++) Py_DECREF(fields[j]);
            Py_XDECREF(row);
            return NULL;
        }
    }
    return row;
}

/* One line's fields as a `type` (see row_of), or Py_None (a new reference) when the line is not
   for this core. */
static PyObject *ascii_row(PyObject *text, PyObject *stopwords, PyTypeObject *type) {
    Py_UCS4 s[FEATURE_PREFIX_CHARS];
    Py_ssize_t n = 0;
    int taken = taken_chars(text, s, &n);
    if (taken < 0) return NULL;
    if (!taken) Py_RETURN_NONE;

    /* Raw words (text.split()): capitalisation and sentence ends; and the glue test. */
    Py_ssize_t raw_count = 0, title_count = 0, sentences = 0;
    int glued = 0;
    for (Py_ssize_t i = 0; i < n;) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        Py_ssize_t start = i;
        while (i < n && s[i] != ' ') i++;
        raw_count++;
        title_count += is_title(s + start, i - start);
        Py_ssize_t end = i;
        while (end > start && is_closer(s[end - 1])) end--;
        if (end > start && is_stop(s[end - 1])) sentences++;
    }
    for (Py_ssize_t i = 1; i < n && !glued; i++) {
        glued = glue_before(s[i - 1]) && glue_after(s[i]);
    }
    /* CJK characters, and their full stops followed by more text (CJK_INNER_SENTENCE_END). */
    Py_ssize_t cjk_count = count_cjk(s, n);
    if (cjk_count) {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (!is_cjk_stop(s[i])) continue;
            Py_ssize_t j = i + 1;
            while (j < n && is_cjk_closer(s[j])) j++;
            sentences += j < n && s[j] != ' ';
            i = j - 1;
        }
    }

    if (stop_table_for(&line_stops, stopwords) < 0) return NULL;
    char out[4 * FEATURE_PREFIX_CHARS];
    Reading words = read_words(s, n, 0, 1, out);
    Py_ssize_t count = words.count, numbers = words.numbers, stop_hits = words.stop_hits;
    /* The folded readings (features._readings): the words, or the head of a long line's; and for a
       short line whose text nodes look glued together, the words of its head split at the glue. */
    PyObject *plain = PyUnicode_DecodeUTF8(out, count <= MAX_FOLDED_WORDS ? words.length : words.head_length, NULL);
    if (plain == NULL) return NULL;
    PyObject *readings;
    if (count <= MAX_GLUED_WORDS && glued) {
        Reading parts = read_words(s, n < FOLD_PREFIX_CHARS ? n : FOLD_PREFIX_CHARS, 1, 0, out);
        PyObject *split = PyUnicode_DecodeUTF8(out, parts.length, NULL);
        readings = split ? Py_BuildValue("(NN)", plain, split) : NULL;
        if (split == NULL) Py_DECREF(plain);
    } else {
        readings = Py_BuildValue("(N)", plain);
    }
    if (readings == NULL) return NULL;

    Py_ssize_t head_chars = n < SHORT_LINE_CHARS ? n : SHORT_LINE_CHARS, digits = 0, spaces = 0;
    for (Py_ssize_t i = 0; i < head_chars; i++) {
        digits += is_digit(s[i]);
        spaces += s[i] == ' ';
    }
    double size = (double)(count - cjk_count) + CJK_WORD_WEIGHT * (double)cjk_count;
    int cjk = count ? (double)cjk_count > 0.5 * (double)count : 0;
    double stop_share = count ? (double)stop_hits / (double)count : 0.0;
    double capitalised = raw_count ? (double)title_count / (double)raw_count : 0.0;
    Py_ssize_t letters = head_chars - spaces;
    double digit_share = (double)digits / (double)(letters ? letters : 1);
    int sentence_end = ends_sentence(s, n);
    int prose = cjk ? size >= 10 && (sentence_end || sentences > 0)
                    : size - (double)numbers >= 8 && (sentence_end || stop_share >= 0.2) && capitalised < TITLE_CASE_SHARE;

    PyObject *fields[11] = {PyFloat_FromDouble(size), PyLong_FromSsize_t(numbers), PyLong_FromSsize_t(count),
                            PyBool_FromLong(cjk), PyBool_FromLong(sentence_end), PyLong_FromSsize_t(sentences),
                            PyFloat_FromDouble(stop_share), PyFloat_FromDouble(capitalised),
                            PyFloat_FromDouble(digit_share), readings, PyBool_FromLong(prose)};
    for (int i = 0; i < 11; i++) {
        if (fields[i] == NULL) {
            for (int j = 0; j < 11; j++) Py_XDECREF(fields[j]);
            return NULL;
        }
    }
    return row_of(type, fields, 11);
}

/* ascii_tokens' item: the words of a text of the characters taken, or None. */
static PyObject *ascii_tokens_of(PyObject *text, PyObject *unused) {
    Py_UCS4 s[FEATURE_PREFIX_CHARS];
    Py_ssize_t n = 0;
    int taken = taken_chars(text, s, &n);
    if (taken < 0) return NULL;
    if (!taken) Py_RETURN_NONE;
    return ascii_words(s, n);
}

/* A list of one function's answer for each text. */
static PyObject *each_text(PyObject *args, PyObject *(*one)(PyObject *, PyObject *)) {
    PyObject *texts, *stopwords = Py_None;
    if (!PyArg_ParseTuple(args, "O|O", &texts, &stopwords)) return NULL;
    PyObject *sequence = PySequence_Fast(texts, "texts must be a sequence");
    if (sequence == NULL) return NULL;
    Py_ssize_t total = PySequence_Size(sequence);
    PyObject *rows = PyList_New(total);
    if (rows == NULL) {
        Py_DECREF(sequence);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < total; i++) {
        PyObject *text = PySequence_GetItem(sequence, i);
        PyObject *row = text == NULL ? NULL : one(text, stopwords);
        Py_XDECREF(text);
        if (row == NULL) {
            Py_DECREF(rows);
            Py_DECREF(sequence);
            return NULL;
        }
        PyList_SetItem(rows, i, row); /* steals the reference */
    }
    Py_DECREF(sequence);
    return rows;
}

/* ascii_rows(texts, stopwords, make=None): with `make` (LineFeatures._make), each row made into
   what make returns, so the caller need not walk the rows in Python. A `make` that is a subclass of
   tuple (LineFeatures itself) has its rows made as instances of it directly (row_of). */
static PyObject *ascii_rows(PyObject *self, PyObject *args) {
    PyObject *texts, *stopwords, *make = Py_None;
    if (!PyArg_ParseTuple(args, "OO|O", &texts, &stopwords, &make)) return NULL;
    PyTypeObject *type = NULL;
    if (make != Py_None && PyType_Check(make) && PyType_IsSubtype((PyTypeObject *)make, &PyTuple_Type))
        type = (PyTypeObject *)make;
    int call = make != Py_None && type == NULL;
    PyObject *sequence = PySequence_Fast(texts, "texts must be a sequence");
    if (sequence == NULL) return NULL;
    Py_ssize_t total = PySequence_Size(sequence);
    PyObject *rows = PyList_New(total);
    for (Py_ssize_t i = 0; rows != NULL && i < total; i++) {
        PyObject *text = PySequence_GetItem(sequence, i);
        PyObject *row = text == NULL ? NULL : ascii_row(text, stopwords, type);
        Py_XDECREF(text);
        if (row != NULL && call && row != Py_None) {
            PyObject *made = PyObject_CallFunctionObjArgs(make, row, NULL);
            Py_DECREF(row);
            row = made;
        }
        if (row == NULL) {
            Py_CLEAR(rows);
            break;
        }
        PyList_SetItem(rows, i, row); /* steals the reference */
    }
    Py_DECREF(sequence);
    return rows;
}
static PyObject *ascii_tokens(PyObject *self, PyObject *args) { return each_text(args, ascii_tokens_of); }

/* Words counted in C: a str is made once per distinct word (a news sample repeats its words),
   not once per word. Entries in the order of first occurrence, found through an open-addressing
   table of their indices (+1; 0 is empty); the words' Latin-1 bytes in one buffer. */
typedef struct {
    unsigned long long hash;
    Py_ssize_t offset, length, count;
    Py_UCS4 cjk_char; /* the CJK character that is the word, or 0 */
} CountEntry;
typedef struct {
    CountEntry *entries;
    Py_ssize_t used, capacity;
    Py_ssize_t *slots;
    size_t mask;
    char *bytes;
    Py_ssize_t bytes_used, bytes_capacity;
    Py_ssize_t words;
} WordCounts;

static int grow(void **block, Py_ssize_t *capacity, Py_ssize_t needed, size_t item) {
    if (needed <= *capacity) return 0;
    Py_ssize_t size = *capacity ? *capacity : 256;
    while (size < needed) size *= 2;
    void *moved = PyMem_Realloc(*block, (size_t)size * item);
    if (moved == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *block = moved;
    *capacity = size;
    return 0;
}

/* Puts entry `index` into a free slot of the table. */
static void place(WordCounts *table, Py_ssize_t index) {
    size_t slot = (size_t)table->entries[index].hash & table->mask;
    while (table->slots[slot]) slot = (slot + 1) & table->mask;
    table->slots[slot] = index + 1;
}

/* Doubles the slots when half are used (and makes the first ones). */
static int rehash(WordCounts *table) {
    size_t size = table->mask ? 2 * (table->mask + 1) : 1024;
    if ((size_t)table->used * 2 < (table->mask ? table->mask + 1 : 0)) return 0;
    Py_ssize_t *slots = PyMem_Calloc(size, sizeof(Py_ssize_t));
    if (slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyMem_Free(table->slots);
    table->slots = slots;
    table->mask = size - 1;
    for (Py_ssize_t i = 0; i < table->used; i++) place(table, i);
    return 0;
}

/* Counts one word of the table's keys: its bytes, or (cjk_char) the CJK character it is. */
static int count_key(WordCounts *table, const char *bytes, Py_ssize_t length, Py_UCS4 cjk_char, unsigned long long hash) {
    if (rehash(table) < 0) return -1;
    table->words++;
    size_t slot = (size_t)hash & table->mask;
    for (; table->slots[slot]; slot = (slot + 1) & table->mask) {
        CountEntry *entry = &table->entries[table->slots[slot] - 1];
        if (entry->hash == hash && entry->length == length && entry->cjk_char == cjk_char
            && (length == 0 || memcmp(table->bytes + entry->offset, bytes, (size_t)length) == 0)) {
            entry->count++;
            return 0;
        }
    }
    if (grow((void **)&table->entries, &table->capacity, table->used + 1, sizeof(CountEntry)) < 0
        || grow((void **)&table->bytes, &table->bytes_capacity, table->bytes_used + length, 1) < 0)
        return -1;
    if (length) memcpy(table->bytes + table->bytes_used, bytes, (size_t)length);
    table->entries[table->used] = (CountEntry){hash, table->bytes_used, length, 1, cjk_char};
    table->bytes_used += length;
    table->slots[slot] = ++table->used;
    return 0;
}

static int count_word(void *state, const char *latin1, Py_ssize_t length, Py_UCS4 cjk_char) {
    const char *bytes = latin1 == NULL ? "" : latin1;
    return count_key(state, bytes, length, latin1 == NULL ? cjk_char : 0,
                     hash_bytes(bytes, length) ^ ((unsigned long long)cjk_char * 0x9E3779B97F4A7C15ULL));
}

/* Adds the table's counts to the dict `counts`, new words in the order they first occurred. */
static int add_counts(WordCounts *table, PyObject *counts) {
    for (Py_ssize_t i = 0; i < table->used; i++) {
        CountEntry *entry = &table->entries[i];
        PyObject *word = word_object(entry->cjk_char ? NULL : table->bytes + entry->offset, entry->length, entry->cjk_char);
        if (word == NULL) return -1;
        PyObject *known = PyDict_GetItemWithError(counts, word); /* borrowed */
        PyObject *count = known == NULL && PyErr_Occurred() ? NULL
                          : PyLong_FromSsize_t(entry->count + (known == NULL ? 0 : PyLong_AsSsize_t(known)));
        int failed = count == NULL || PyDict_SetItem(counts, word, count) < 0;
        Py_XDECREF(count);
        Py_DECREF(word);
        if (failed) return -1;
    }
    return 0;
}

/* sample_counts(texts, start, limit, counts): counts the words of texts[start], texts[start + 1], ...
   into the dict `counts` (as Counter(chain(words)) would) until `limit` words are counted or a text
   is not for this core; returns (words counted, index of the first text not counted). The words of
   features._language_sample, counted without listing them. */
static PyObject *sample_counts(PyObject *self, PyObject *args) {
    PyObject *texts, *counts, *result = NULL;
    Py_ssize_t at, limit;
    if (!PyArg_ParseTuple(args, "OnnO", &texts, &at, &limit, &counts)) return NULL;
    PyObject *sequence = PySequence_Fast(texts, "texts must be a sequence");
    if (sequence == NULL) return NULL;
    Py_ssize_t lines = PySequence_Size(sequence);
    WordCounts table = {0};
    Py_UCS4 s[FEATURE_PREFIX_CHARS];
    for (; at < lines && table.words < limit; at++) {
        PyObject *text = PySequence_GetItem(sequence, at);
        Py_ssize_t n = 0;
        int taken = text == NULL ? -1 : taken_chars(text, s, &n);
        Py_XDECREF(text);
        if (taken == 0) break; /* left to Python */
        if (taken < 0 || each_word(s, n, count_word, &table) < 0) goto done;
    }
    if (add_counts(&table, counts) == 0) result = Py_BuildValue("(nn)", table.words, at);
done:
    PyMem_Free(table.entries);
    PyMem_Free(table.slots);
    PyMem_Free(table.bytes);
    Py_DECREF(sequence);
    return result;
}

/* sample_language(texts, limit, stopwords, tokens): what features.language_of_counts reads off the
   language sample (features._sample_counts: the lines from the first until `limit` words are
   counted), without a str or a dict entry per distinct word: the words are counted by their UTF-8
   bytes, those of the lines this core does not take as tokens(text) gives them. Returns (words,
   characters of the distinct words, any far-east character (U+2E80 and above), any CJK character
   (text.CJK_RANGES), words that are one CJK character, kana and Hangul characters among the
   distinct words, {stop word: count} of the distinct words in `stopwords`). */
static int in_cjk_ranges(Py_UCS4 c) {
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3005 && c <= 0x3007) || (c >= 0x3021 && c <= 0x3029) ||
           (c >= 0x3031 && c <= 0x3035) || (c >= 0x3038 && c <= 0x303C) || (c >= 0x3040 && c <= 0x30FF) ||
           (c >= 0x3100 && c <= 0x312F) || (c >= 0x31A0 && c <= 0x31BF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF66 && c <= 0xFF9F) || (c >= 0x20000 && c <= 0x3134F);
}

/* Counts one word by its UTF-8 bytes. */
static int count_utf8(WordCounts *table, const char *bytes, Py_ssize_t length) {
    return count_key(table, bytes, length, 0, hash_bytes(bytes, length));
}

/* each_word's visitor: the word in UTF-8, counted. */
static int count_word_utf8(void *state, const char *latin1, Py_ssize_t length, Py_UCS4 cjk_char) {
    char utf8[4 * FEATURE_PREFIX_CHARS];
    Py_ssize_t size = 0;
    if (latin1 == NULL) {
        size = put_utf8(utf8, 0, cjk_char);
    } else {
        for (Py_ssize_t i = 0; i < length; i++) size = put_utf8(utf8, size, (unsigned char)latin1[i]);
    }
    return count_utf8(state, utf8, size);
}

/* The next code point of valid UTF-8 at *at (the table holds only what str and put_utf8 encoded). */
static Py_UCS4 next_code_point(const unsigned char *bytes, Py_ssize_t *at) {
    unsigned char lead = bytes[*at];
    if (lead < 0x80) return bytes[(*at)++];
    int more = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
    Py_UCS4 c = lead & (0x3F >> more);
    (*at)++;
    for (int k = 0; k < more; k++) c = (c << 6) | (bytes[(*at)++] & 0x3F);
    return c;
}

static PyObject *sample_language(PyObject *self, PyObject *args) {
    PyObject *texts, *stopwords, *tokens, *result = NULL, *stops = NULL;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "OnOO", &texts, &limit, &stopwords, &tokens)) return NULL;
    if (stop_table_for(&sample_stops, stopwords) < 0) return NULL;
    PyObject *sequence = PySequence_Fast(texts, "texts must be a sequence");
    if (sequence == NULL) return NULL;
    Py_ssize_t lines = PySequence_Size(sequence);
    WordCounts table = {0};
    Py_UCS4 s[FEATURE_PREFIX_CHARS];
    for (Py_ssize_t at = 0; at < lines && table.words < limit; at++) {
        PyObject *text = PySequence_GetItem(sequence, at);
        if (text == NULL) goto done;
        Py_ssize_t n = 0;
        int taken = taken_chars(text, s, &n);
        if (taken > 0 && each_word(s, n, count_word_utf8, &table) < 0) taken = -1;
        if (taken == 0) {
            /* A line this core leaves: its words as Python tokenizes them. */
            PyObject *words = PyObject_CallFunctionObjArgs(tokens, text, NULL);
            PyObject *listed = words == NULL ? NULL : PySequence_Fast(words, "tokens must give a sequence");
            Py_XDECREF(words);
            Py_ssize_t count = listed == NULL ? 0 : PySequence_Size(listed);
            for (Py_ssize_t i = 0; listed != NULL && i < count; i++) {
                Py_ssize_t length;
                PyObject *word = PySequence_GetItem(listed, i);
                const char *bytes = word == NULL ? NULL : PyUnicode_AsUTF8AndSize(word, &length);
                int failed = bytes == NULL || count_utf8(&table, bytes, length) < 0;
                Py_XDECREF(word);
                if (failed) Py_CLEAR(listed);
            }
            taken = listed == NULL ? -1 : 1;
            Py_XDECREF(listed);
        }
        Py_DECREF(text);
        if (taken < 0) goto done;
    }
    Py_ssize_t characters = 0, one_cjk = 0, kana = 0, hangul = 0;
    int far_east = 0, any_cjk = 0;
    stops = PyDict_New();
    if (stops == NULL) goto done;
    for (Py_ssize_t i = 0; i < table.used; i++) {
        const CountEntry *entry = &table.entries[i];
        const unsigned char *bytes = (const unsigned char *)table.bytes + entry->offset;
        Py_ssize_t at = 0, chars = 0;
        Py_UCS4 first = 0;
        while (at < entry->length) {
            Py_UCS4 c = next_code_point(bytes, &at);
            if (!chars) first = c;
            chars++;
            far_east |= c >= 0x2E80;
            any_cjk |= in_cjk_ranges(c);
            kana += c >= 0x3040 && c <= 0x30FF;
            hangul += c >= 0xAC00 && c <= 0xD7AF;
        }
        characters += chars;
        if (chars == 1 && in_cjk_ranges(first)) one_cjk += entry->count;
        if (in_stop_table(&sample_stops, (const char *)bytes, entry->length)) {
            PyObject *word = PyUnicode_DecodeUTF8((const char *)bytes, entry->length, NULL);
            PyObject *count = word == NULL ? NULL : PyLong_FromSsize_t(entry->count);
            int failed = count == NULL || PyDict_SetItem(stops, word, count) < 0;
            Py_XDECREF(word);
            Py_XDECREF(count);
            if (failed) goto done;
        }
    }
    result = Py_BuildValue("(nnOOnnnO)", table.words, characters, far_east ? Py_True : Py_False, any_cjk ? Py_True : Py_False,
                           one_cjk, kana, hangul, stops);
done:
    Py_XDECREF(stops);
    PyMem_Free(table.entries);
    PyMem_Free(table.slots);
    PyMem_Free(table.bytes);
    Py_DECREF(sequence);
    return result;
}

/* body_words(texts, stem_chars, stems, lines) -> (left, runs): headline_choice.read_body's work on
   the texts this core takes. Each distinct word's first stem_chars characters are added to the set
   `stems`, each text's words joined by a space to the set `lines`; `runs` lists (index, the text's
   CJK characters in order) for the texts that hold any, `left` the indices of the texts not taken.
   No str is made per word: the joined line is written out in C, and a stem becomes a str only the
   first time it is met (a table of stems packed into 64 bits: up to 7 Latin-1 bytes and their
   number, or a CJK character with the top bit set; 0 is an empty slot). */
typedef struct {
    PyObject *stems;
    Py_ssize_t stem_chars;
    unsigned long long *keys;
    size_t mask;
    Py_ssize_t used;
    Py_UCS4 *joined;
    Py_ssize_t joined_length;
} BodyReading;

/* Makes room for one more stem: the first slots, or twice as many when half are used. */
static int grow_stems(BodyReading *body) {
    size_t size = body->mask + 1;
    if (body->keys != NULL && (size_t)(body->used + 1) * 2 <= size) return 0;
    size_t bigger = body->keys == NULL ? 1024 : 2 * size;
    unsigned long long *keys = PyMem_Calloc(bigger, sizeof(unsigned long long));
    if (keys == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (size_t i = 0; body->keys != NULL && i < size; i++) {
        unsigned long long key = body->keys[i];
        if (!key) continue;
        size_t slot = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & (bigger - 1);
        while (keys[slot]) slot = (slot + 1) & (bigger - 1);
        keys[slot] = key;
    }
    PyMem_Free(body->keys);
    body->keys = keys;
    body->mask = bigger - 1;
    return 0;
}

static int body_word(void *state, const char *latin1, Py_ssize_t length, Py_UCS4 cjk_char) {
    BodyReading *body = state;
    /* The joined line: words apart by one space. */
    if (body->joined_length) body->joined[body->joined_length++] = ' ';
    if (latin1 == NULL) {
        body->joined[body->joined_length++] = cjk_char;
    } else {
        for (Py_ssize_t i = 0; i < length; i++) body->joined[body->joined_length++] = (unsigned char)latin1[i];
    }
    /* The stem: a CJK character is its own; else the first stem_chars bytes (one a character). */
    Py_ssize_t kept = latin1 == NULL ? 0 : (length < body->stem_chars ? length : body->stem_chars);
    unsigned long long key = latin1 == NULL ? (1ULL << 63) | cjk_char : (unsigned long long)kept << 56;
    for (Py_ssize_t i = 0; i < kept; i++) key |= (unsigned long long)(unsigned char)latin1[i] << (8 * i);
    if (grow_stems(body) < 0) return -1;
    size_t slot = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & body->mask;
    while (body->keys[slot]) {
        if (body->keys[slot] == key) return 0; /* met before */
        slot = (slot + 1) & body->mask;
    }
    body->keys[slot] = key;
    body->used++;
    PyObject *stem = word_object(latin1, kept, cjk_char);
    int failed = stem == NULL || PySet_Add(body->stems, stem) < 0;
    Py_XDECREF(stem);
    return failed ? -1 : 0;
}

static PyObject *body_words(PyObject *self, PyObject *args) {
    PyObject *texts, *stems, *lines;
    Py_ssize_t stem_chars;
    if (!PyArg_ParseTuple(args, "OnOO", &texts, &stem_chars, &stems, &lines)) return NULL;
    if (stem_chars < 1 || stem_chars > 7) {
        PyErr_SetString(PyExc_ValueError, "stem_chars must be 1 to 7 (a stem is packed into 64 bits)");
        return NULL;
    }
    PyObject *sequence = PySequence_Fast(texts, "texts must be a sequence");
    if (sequence == NULL) return NULL;
    Py_ssize_t total = PySequence_Size(sequence);
    /* A word grows by its ß at most twice; a space after each. */
    BodyReading body = {stems, stem_chars, NULL, 0, 0, PyMem_Malloc(3 * FEATURE_PREFIX_CHARS * sizeof(Py_UCS4)), 0};
    PyObject *left = PyList_New(0), *runs = PyList_New(0), *result = NULL;
    if (left == NULL || runs == NULL) goto done;
    if (body.joined == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_UCS4 s[FEATURE_PREFIX_CHARS], run[FEATURE_PREFIX_CHARS];
    int order = 0; /* native */
    for (Py_ssize_t i = 0; i < total; i++) {
        PyObject *text = PySequence_GetItem(sequence, i);
        Py_ssize_t n = 0;
        int taken = text == NULL ? -1 : taken_chars(text, s, &n);
        Py_XDECREF(text);
        if (taken < 0) goto done;
        if (!taken) {
            PyObject *index = PyLong_FromSsize_t(i);
            int failed = index == NULL || PyList_Append(left, index) < 0;
            Py_XDECREF(index);
            if (failed) goto done;
            continue;
        }
        body.joined_length = 0;
        if (each_word(s, n, body_word, &body) < 0) goto done;
        PyObject *plain = PyUnicode_DecodeUTF32((const char *)body.joined, body.joined_length * 4, NULL, &order);
        int failed = plain == NULL || PySet_Add(lines, plain) < 0;
        Py_XDECREF(plain);
        if (failed) goto done;
        /* Every CJK character is a word of its own: the run is the text's CJK characters. */
        Py_ssize_t length = 0;
        for (Py_ssize_t j = 0; j < n; j++) {
            if (is_cjk(s[j])) run[length++] = s[j];
        }
        if (length) {
            PyObject *pair = Py_BuildValue("(nN)", i, PyUnicode_DecodeUTF32((const char *)run, length * 4, NULL, &order));
            failed = pair == NULL || PyList_Append(runs, pair) < 0;
            Py_XDECREF(pair);
            if (failed) goto done;
        }
    }
    if (!PyErr_Occurred()) result = Py_BuildValue("(OO)", left, runs);
done:
    PyMem_Free(body.keys);
    PyMem_Free(body.joined);
    Py_XDECREF(runs);
    Py_XDECREF(left);
    Py_DECREF(sequence);
    return result;
}

/* Constants of linemodel.py (a test checks they still agree). */
#define SHORT_LINE_WORDS 5
#define LIST_RUN 3
#define NEAR 3
#define FAR 10
#define MODEL_COLUMNS 29
/* LineFeatures' fields the line model reads (features.LineFeatures order). */
enum { F_SIZE = 0, F_WORDS = 2, F_CJK = 3, F_SENTENCE_END = 4, F_STOP_SHARE = 6, F_CAPITALISED = 7, F_DIGIT_SHARE = 8, F_PROSE = 10 };

/* linemodel._window: the mean of each line's neighbours within radius (the line excluded), from the
   prefix sums computed as accumulate() does. */
static void window(const double *column, Py_ssize_t n, Py_ssize_t radius, double *prefix, double *out) {
    prefix[0] = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) prefix[i + 1] = i ? prefix[i] + column[i] : column[0];
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t lo = i - radius > 0 ? i - radius : 0, hi = i + radius + 1 < n ? i + radius + 1 : n;
        Py_ssize_t width = hi - lo - 1;
        out[i] = width ? (prefix[hi] - prefix[lo] - column[i]) / (double)width : 0.0;
    }
}

/* Each column of linemodel.feature_columns, in FEATURE_NAMES order, as n doubles into out. */
static void model_column(int k, Py_ssize_t n, double **c, double *prefix, double biggest, double *out) {
    /* c: size, log_size, prose, sentence_end, short, colon, stop_share, capitalised, digit_share,
       no_words, cjk, repeated, bullet, after_marker, in_list, list_after_colon */
    double *size = c[0], *log_size = c[1], *prose = c[2], *sentence_end = c[3], *shrt = c[4], *colon = c[5];
    switch (k) {
    case 0: for (Py_ssize_t i = 0; i < n; i++) out[i] = 1.0; break;
    case 1: memcpy(out, log_size, n * sizeof(double)); break;
    case 2: memcpy(out, prose, n * sizeof(double)); break;
    case 3: memcpy(out, sentence_end, n * sizeof(double)); break;
    case 4: for (Py_ssize_t i = 0; i < n; i++) out[i] = sentence_end[i] != 0.0 && shrt[i] != 0.0 ? 1.0 : 0.0; break;
    case 5: memcpy(out, colon, n * sizeof(double)); break;
    case 6: memcpy(out, c[6], n * sizeof(double)); break;  /* stop_share */
    case 7: memcpy(out, c[7], n * sizeof(double)); break;  /* capitalised */
    case 8: memcpy(out, c[8], n * sizeof(double)); break;  /* digit_share */
    case 9: memcpy(out, c[9], n * sizeof(double)); break;  /* no_words */
    case 10: memcpy(out, shrt, n * sizeof(double)); break;
    case 11: memcpy(out, c[10], n * sizeof(double)); break; /* cjk */
    case 12: for (Py_ssize_t i = 0; i < n; i++) out[i] = size[i] / biggest; break;
    case 13: memcpy(out, c[11], n * sizeof(double)); break; /* repeated */
    case 14: memcpy(out, c[12], n * sizeof(double)); break; /* bullet */
    case 15: for (Py_ssize_t i = 0; i < n; i++) out[i] = i ? prose[i - 1] : 0.0; break;
    case 16: for (Py_ssize_t i = 0; i < n; i++) out[i] = i + 1 < n ? prose[i + 1] : 0.0; break;
    case 17: for (Py_ssize_t i = 0; i < n; i++) out[i] = i ? colon[i - 1] : 0.0; break;
    case 18: window(prose, n, NEAR, prefix, out); break;
    case 19: window(sentence_end, n, NEAR, prefix, out); break;
    case 20: window(shrt, n, NEAR, prefix, out); break;
    case 21: window(log_size, n, NEAR, prefix, out); break;
    case 22: window(prose, n, FAR, prefix, out); break;
    case 23: window(sentence_end, n, FAR, prefix, out); break;
    case 24: window(c[7], n, FAR, prefix, out); break;
    case 25: for (Py_ssize_t i = 0; i < n; i++) out[i] = n > 1 ? (double)i / (double)(n - 1) : 0.0; break;
    case 26: memcpy(out, c[13], n * sizeof(double)); break; /* after_end_marker */
    case 27: memcpy(out, c[14], n * sizeof(double)); break; /* in_list */
    case 28: memcpy(out, c[15], n * sizeof(double)); break; /* list_after_colon */
    }
}

static double truth(PyObject *value, int *error) {
    int yes = PyObject_IsTrue(value);
    if (yes < 0) *error = 1;
    return yes > 0 ? 1.0 : 0.0;
}

/* model_scores(weights, lines, texts, markers, bullets) -> list: linemodel.line_scores with every
   column of feature_columns computed here in doubles (as the Python floats are, operation for
   operation), without a float object per line and column; score = score + weight * value for each
   weight and column in FEATURE_NAMES order, skipping zero weights, as the Python map() sums them.
   The product is stored before the sum (volatile), so no compiler fuses the two into one rounding
   (a fused multiply-add would differ from Python in the last bit). `bullets`: text.is_list_item of
   each text; `markers`: the end-marker flags, or empty. */
static PyObject *model_scores(PyObject *self, PyObject *args) {
    PyObject *weights_in, *lines_in, *texts_in, *markers_in, *bullets_in;
    if (!PyArg_ParseTuple(args, "OOOOO", &weights_in, &lines_in, &texts_in, &markers_in, &bullets_in)) return NULL;
    PyObject *weights = PySequence_List(weights_in), *lines = PySequence_List(lines_in), *texts = PySequence_List(texts_in);
    PyObject *markers = PySequence_List(markers_in), *bullets = PySequence_List(bullets_in), *counts = PyDict_New();
    PyObject *scores = NULL;
    double *memory = NULL;
    if (!weights || !lines || !texts || !markers || !bullets || !counts) goto done;
    Py_ssize_t n = PyList_Size(lines), marked = PyList_Size(markers);
    if (PyList_Size(texts) != n || PyList_Size(bullets) != n || (marked != 0 && marked != n)) {
        PyErr_SetString(PyExc_ValueError, "texts, bullets and markers (unless empty) must be as long as lines");
        goto done;
    }
    /* 16 input columns, a column buffer, the prefix sums (n + 1) and the sums. */
    memory = PyMem_Calloc((size_t)(19 * n + 1 + 1), sizeof(double));
    if (memory == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    double *c[16];
    for (int k = 0; k < 16; k++) c[k] = memory + k * n;
    double *out = memory + 16 * n, *sums = memory + 17 * n, *prefix = memory + 18 * n;
    int error = 0;
    double biggest = 0.0;
    for (Py_ssize_t i = 0; i < n && !error; i++) {
        PyObject *line = PyList_GetItem(lines, i), *text = PyList_GetItem(texts, i);
        if (!PyTuple_Check(line) || PyTuple_Size(line) <= F_PROSE || !PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "lines must be LineFeatures and texts str");
            goto done;
        }
        double size = PyFloat_AsDouble(PyTuple_GetItem(line, F_SIZE));
        c[6][i] = PyFloat_AsDouble(PyTuple_GetItem(line, F_STOP_SHARE));
        c[7][i] = PyFloat_AsDouble(PyTuple_GetItem(line, F_CAPITALISED));
        c[8][i] = PyFloat_AsDouble(PyTuple_GetItem(line, F_DIGIT_SHARE));
        if (PyErr_Occurred()) goto done;
        c[0][i] = size;
        if (i == 0 || size > biggest) biggest = size; /* max(): the first of equals, any value */
        c[1][i] = log1p(size);
        c[2][i] = truth(PyTuple_GetItem(line, F_PROSE), &error);
        c[3][i] = truth(PyTuple_GetItem(line, F_SENTENCE_END), &error);
        c[4][i] = size < SHORT_LINE_WORDS ? 1.0 : 0.0;
        Py_ssize_t length = PyUnicode_GetLength(text);
        Py_UCS4 last = length > 0 ? PyUnicode_ReadChar(text, length - 1) : 0;
        c[5][i] = last == ':' || last == 0xFF1A ? 1.0 : 0.0;
        c[9][i] = 1.0 - truth(PyTuple_GetItem(line, F_WORDS), &error);
        c[10][i] = truth(PyTuple_GetItem(line, F_CJK), &error);
        c[12][i] = truth(PyList_GetItem(bullets, i), &error);
        /* Counter(texts) */
        PyObject *count = PyDict_GetItemWithError(counts, text);
        if (count == NULL && PyErr_Occurred()) goto done;
        PyObject *next = PyLong_FromSsize_t(count == NULL ? 1 : PyLong_AsSsize_t(count) + 1);
        if (next == NULL || PyDict_SetItem(counts, text, next) < 0) {
            Py_XDECREF(next);
            goto done;
        }
        Py_DECREF(next);
    }
    if (error || PyErr_Occurred()) goto done;
    if (n && biggest == 0.0) biggest = 1.0; /* max(...) or 1.0 */
    int seen_prose = 0;
    double after = 0.0;
    for (Py_ssize_t i = 0; i < n && !error; i++) {
        PyObject *count = PyDict_GetItemWithError(counts, PyList_GetItem(texts, i));
        if (count == NULL) goto done;
        c[11][i] = c[4][i] != 0.0 && PyLong_AsSsize_t(count) > 1 ? 1.0 : 0.0;
        /* _after_marker */
        if (marked && truth(PyList_GetItem(markers, i), &error) != 0.0 && seen_prose) after = 1.0;
        seen_prose = seen_prose || c[2][i] != 0.0;
        c[13][i] = after;
    }
    if (error || PyErr_Occurred()) goto done;
    /* _list_runs: runs of LIST_RUN or more bulleted lines, and whether a colon line introduces them. */
    for (Py_ssize_t i = 0; i < n;) {
        Py_ssize_t j = i;
        while (j < n && c[12][j] != 0.0) j++;
        if (j - i >= LIST_RUN) {
            double introduced = i > 0 && c[5][i - 1] > 0 ? 1.0 : 0.0;
            for (Py_ssize_t k = i; k < j; k++) {
                c[14][k] = 1.0;
                c[15][k] = introduced;
            }
        }
        i = j > i + 1 ? j : i + 1;
    }
    Py_ssize_t count = PyList_Size(weights);
    for (Py_ssize_t k = 0; k < count && k < MODEL_COLUMNS; k++) {
        double weight = PyFloat_AsDouble(PyList_GetItem(weights, k));
        if (weight == -1.0 && PyErr_Occurred()) goto done;
        if (weight == 0.0) continue;
        model_column((int)k, n, c, prefix, biggest, out);
        for (Py_ssize_t i = 0; i < n; i++) {
            volatile double product = weight * out[i]; /* stored: no fused multiply-add */
            sums[i] = sums[i] + product;
        }
    }
    scores = PyList_New(n);
    for (Py_ssize_t i = 0; scores != NULL && i < n; i++) {
        PyObject *score = PyFloat_FromDouble(sums[i]);
        if (score == NULL) {
            Py_CLEAR(scores);
            break;
        }
        PyList_SetItem(scores, i, score); /* steals the reference */
    }
done:
    PyMem_Free(memory);
    Py_XDECREF(weights);
    Py_XDECREF(lines);
    Py_XDECREF(texts);
    Py_XDECREF(markers);
    Py_XDECREF(bullets);
    Py_XDECREF(counts);
    return scores;
}

static PyMethodDef methods[] = {
    {"ascii_rows", ascii_rows, METH_VARARGS,
     "ascii_rows(texts, stopwords, make=None): LineFeatures' fields of each line this core takes (passed to make, when given), None for the others."},
    {"ascii_tokens", ascii_tokens, METH_VARARGS,
     "ascii_tokens(texts): text.tokens of each line this core takes, None for the others."},
    {"sample_counts", sample_counts, METH_VARARGS,
     "sample_counts(texts, start, limit, counts): count the words of texts from start into counts; (words, next index)."},
    {"sample_language", sample_language, METH_VARARGS,
     "sample_language(texts, limit, stopwords, tokens): the language sample's counts language_of_counts reads."},
    {"body_words", body_words, METH_VARARGS,
     "body_words(texts, stem_chars, stems, lines): read_body's stems and joined lines; (left indices, [(index, CJK run)])."},
    {"model_scores", model_scores, METH_VARARGS,
     "model_scores(weights, lines, texts, markers, bullets): linemodel.line_scores, every column computed here."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_features", "newsclean's optional compiled line features.",
                                    -1, methods};

PyMODINIT_FUNC PyInit__features(void) {
    fill_latin1_separators();
    return PyModule_Create(&module);
}
