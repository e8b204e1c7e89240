"""spaCy pipeline components of extract. Importing this package registers their factories."""
from . import sentences  # noqa: F401
from . import figures  # noqa: F401
from . import places  # noqa: F401
from . import cooperatives  # noqa: F401
from . import projects  # noqa: F401
from . import linker  # noqa: F401
