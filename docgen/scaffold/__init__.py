"""Start a new organization from a preset house style: `docgen new ORG --style STYLE`.

A preset is a Word template, a `style:` block and a first document written in that
style, so that the new folder builds and passes the checks at once and shows the
quality manager every key in use. Its files are text templates in this package:
org.yaml (shared), presets/<preset>.style.yaml (the template and style keys) and
presets/<preset>.yaml (the first document). docgen.scaffold.new makes them.

This module names the presets only, so that the command line can offer them without
loading the content model.
"""

# The first document of each preset, after the prefix: ITSS-001 gives ACME-ITSS-001.
PRESETS = {"itss": "ITSS-001", "gbt9704": "CX-001", "policy": "ZD-001", "plain": "CX-001"}
DEFAULT_PRESET = "itss"
# The people org.yaml names as placeholders; the message after `new` names them again.
PLACEHOLDER_PEOPLE = ("张三", "李四", "王五")
