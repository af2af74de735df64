"""The extractor's version, stamped on every claim, event and extraction manifest. Raise it when
what the extractor produces changes; ``newsflow reprocess`` re-extracts the articles whose current
extraction carries another version. (A module of its own so that reading it loads no NLP.)"""

EXTRACTOR_VERSION = "0.19.0"
