"""Site templates: what repeats across a site's pages is not its article.

Cross-document work, kept apart from the per-document stages: a site's key from a page's URL
(key.py), and the exact counts of normalised lines over a site's pages (templates.py), learnt
in a pass over a batch and read by the `template` stage. Pure functions and plain data, so
other engines (datatrove steps) can count in shards and merge.
"""

from .key import registered_domain, site_key, site_of_url
from .templates import TemplateLearner, TemplateTable, line_signature, page_signatures

__all__ = [
    "TemplateLearner",
    "TemplateTable",
    "line_signature",
    "page_signatures",
    "registered_domain",
    "site_key",
    "site_of_url",
]
