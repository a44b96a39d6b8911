"""pressmine: Chinese government press releases into data.

``extract`` processes one page with the default patterns; ``Pipeline`` compiles a patterns
folder once and processes batches on Rust threads with the GIL released. Both return the JSON
contract of ``pressmine extract`` ("schema": "pressmine/1") as dicts.
"""

from ._pressmine import Pipeline, PressmineError, __version__, extract, is_page_name

__all__ = ["Pipeline", "PressmineError", "extract", "is_page_name", "__version__"]
