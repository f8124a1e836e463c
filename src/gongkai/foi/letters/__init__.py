"""Letters of disclosure on request (告知书): the acknowledgement, every notice and the reply.

Generated as .docx with python-docx from the body's uploaded template for the kind, or the
shipped default (``gongkai.foi.letter_templates``), by replacing ``{{占位符}}`` across runs
(``render``). Wording that follows from law lives in ``wording``; the values for one letter
in ``values``; numbering in ``numbering``; PDF conversion in ``pdf``. Writes go through
``gongkai.foi.services.letters``.
"""
