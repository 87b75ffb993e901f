"""The optional compiled core (newsclean/model/_features.c, and the phrase matcher
newsclean/rules/_phrases.c, the markup scan newsclean/parse/_markup.c, the input scan
newsclean/read/_scan.c): built where a C compiler is found, skipped with a warning where none
is (newsclean then runs its pure-Python features, the reference). One abi3 build serves every
CPython from 3.11 on. See docs/development.md."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "newsclean.model._features",
            ["newsclean/model/_features.c"],
            py_limited_api=True,
            define_macros=[("Py_LIMITED_API", "0x030B0000")],
            optional=True,  # no compiler, no core: the install still succeeds
        ),
        Extension(
            "newsclean.parse._markup",
            ["newsclean/parse/_markup.c"],
            py_limited_api=True,
            define_macros=[("Py_LIMITED_API", "0x030B0000")],
            optional=True,  # no compiler: the attribute guard runs its regular expressions
        ),
        Extension(
            "newsclean.read._scan",
            ["newsclean/read/_scan.c"],
            py_limited_api=True,
            define_macros=[("Py_LIMITED_API", "0x030B0000")],
            optional=True,  # no compiler: the server-message strip searches with str.find
        ),
        Extension(
            "newsclean.rules._phrases",
            ["newsclean/rules/_phrases.c"],
            py_limited_api=True,
            define_macros=[("Py_LIMITED_API", "0x030B0000")],
            optional=True,  # no compiler: PhraseSet walks its tries in Python
        ),
    ],
    options={"bdist_wheel": {"py_limited_api": "cp311"}},
)
