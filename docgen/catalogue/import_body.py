"""What `docgen import` says about reading a Word file and turning its body into sections."""

from docgen.messages import define

NOT_A_DOCX = define(
    "import.not-a-docx", "{path} is not a Word document that can be read ({reason})",
    hint="save it from Word or WPS as a .docx (Word document) and import that file")
