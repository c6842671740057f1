"""What docgen says about the language it speaks."""

from docgen.messages import define

LANGUAGE_UNKNOWN = define(
    "config.language-unknown", "unknown language {value!q}",
    hint="allowed: {known:, } (zh speaks Chinese, en English; without the setting, "
         "the locale decides)")
