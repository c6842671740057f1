"""What docgen says when it cannot find the Word templates the content asks for."""

from docgen.messages import define

NO_TEMPLATES_FOLDER = define(
    "template.no-folder", "there is no templates folder at {folder}",
    hint="run docgen in your project folder, or pass --templates DIR")
NO_SUCH_TEMPLATE = define("template.no-such", "there is no such template",
                          hint="available templates: {available:, }")
NO_TEMPLATE_FOR = define("template.missing", "there is no template {name!q} in the templates "
                         "folder", hint="available templates: {available:, }")
