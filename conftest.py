"""pytest at the checkout's root: the datatrove steps are collected (for doctests) only where the
datatrove extra is installed; tests/test_datatrove.py skips itself otherwise."""

import importlib.util

collect_ignore = [] if importlib.util.find_spec("datatrove") else ["newsclean/integrations/datatrove.py"]
