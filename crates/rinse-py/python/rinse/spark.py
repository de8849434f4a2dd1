"""rinse over a Spark DataFrame column. Importing this module imports pyspark."""

from __future__ import annotations

from typing import Iterator

import pandas as pd
from pyspark.sql import DataFrame

import rinse

__all__ = ["clean_column"]


def clean_column(df: DataFrame, column: str, config: rinse.Config = None, input_format: str = "text") -> DataFrame:
    """``df`` with ``column`` (a string column) cleaned by rinse, other columns as they were.

    Each partition's batches are cleaned with ``rinse.clean_many``, in
    parallel and without the interpreter's lock; nulls stay null.
    """
    settings = rinse.config_json(config)
    rinse.cleaner(settings, input_format)  # a bad config fails here, not in an executor

    def clean_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        cleaner = rinse.cleaner(settings, input_format)
        for batch in batches:
            values = batch[column]
            present = values.notna()
            cleaned = cleaner.clean_many([str(v) for v in values[present]], None)
            batch = batch.copy()
            batch.loc[present, column] = cleaned
            yield batch

    return df.mapInPandas(clean_batches, schema=df.schema)
