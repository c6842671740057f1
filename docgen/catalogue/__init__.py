"""The catalogue: every sentence docgen says to a person, whole, with named placeholders.

One module per part of docgen (checks, content, output, ...) defines its entries with
docgen.messages.define; importing this package imports them all, so that every code
can be rendered, even one read back from a build manifest.
"""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
