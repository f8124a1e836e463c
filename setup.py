"""Build hook: compile the translation catalogues (.po → .mo) into the built package.

The .mo files are build products (not in git); without this hook ``pip install .``
would install a package whose pages are in English msgids. Everything else about the
build is declared in pyproject.toml.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithCatalogues(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the catalogues `make messages` compiles in src/
        # gongkai/i18n.py needs only Babel (a build requirement) and the standard library;
        # loaded by path so the build does not import the package and its dependencies.
        source = Path(__file__).resolve().parent / "src" / "gongkai" / "i18n.py"
        spec = importlib.util.spec_from_file_location("gongkai_i18n_build", source)
        i18n = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(i18n)
        written = i18n.compile_catalogues(Path(self.build_lib) / "gongkai")
        if not written:
            raise RuntimeError("no translation catalogues found to compile")


setup(cmdclass={"build_py": BuildPyWithCatalogues})
