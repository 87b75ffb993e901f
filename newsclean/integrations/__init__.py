"""Adapters to other tools' pipelines; each needs its optional extra and is imported only by name."""
