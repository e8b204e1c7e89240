"""spaCy pipeline components of extract. Importing this package registers their factories."""
from . import sentences  # noqa: F401
from . import figures  # noqa: F401
