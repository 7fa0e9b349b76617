"""What pyproject.toml cannot declare: the rules engine's C extension (vendored durable-rules, built
from source here) and the data folders criteria/ and rules/, shipped as procure_check/_data/.

The data folders are copied into a built wheel only. An editable install reads them where they are
(`procure_check.data.data_dir`): mapping them as packages made setuptools put a `procure_check/_data`
folder in site-packages, a namespace package that hid the checkout from any other working directory.
"""

import shutil
import sys
from pathlib import Path

from setuptools import Extension, find_packages, setup
from setuptools.command.build_py import build_py

SOURCE = "procure_check/_vendor/durable/src"
DATA = ("criteria", "rules")
# The checks GCC 14 makes errors by default: an older compiler fails the build on the same code.
STRICT = [] if sys.platform == "win32" else [
    "-std=c99", "-Werror=implicit-function-declaration", "-Werror=implicit-int", "-Werror=int-conversion",
    "-Werror=incompatible-pointer-types",
]



class BuildWithData(build_py):
    """build_py that copies criteria/ and rules/ into the built package as procure_check/_data/."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in DATA:
            target = Path(self.build_lib) / "procure_check" / "_data" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(name, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))


setup(
    cmdclass={"build_py": BuildWithData},
    include_package_data=False,
    packages=find_packages(include=["procure_check*"]),
    package_data={
        "procure_check.report": ["*.json"],
        "procure_check._vendor.durable": ["LICENSE", "PATCHES.md"],
    },
    ext_modules=[Extension(
        "procure_check._vendor.durable.durable_rules_engine",
        sources=[f"{SOURCE}/rules/{name}.c" for name in ("json", "rete", "state", "events", "regex")]
        + [f"{SOURCE}/rulespy/rules.c"],
        include_dirs=[f"{SOURCE}/rules"],
        define_macros=[("_GNU_SOURCE", None)],
        extra_compile_args=STRICT,
    )],
)
