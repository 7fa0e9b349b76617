"""What pyproject.toml cannot declare: the rules engine's C extension (vendored durable-rules, built
from source here) and the data folders criteria/ and rules/, shipped as procure_check/_data/."""

import sys

from setuptools import Extension, find_packages, setup

SOURCE = "procure_check/_vendor/durable/src"
DATA = {"procure_check._data.criteria": "criteria", "procure_check._data.rules": "rules"}
# The checks GCC 14 makes errors by default: an older compiler fails the build on the same code.
STRICT = [] if sys.platform == "win32" else [
    "-std=c99", "-Werror=implicit-function-declaration", "-Werror=implicit-int", "-Werror=int-conversion",
    "-Werror=incompatible-pointer-types",
]

setup(
    include_package_data=False,
    packages=find_packages(include=["procure_check*"]) + list(DATA),
    package_dir=DATA,
    package_data={
        "procure_check.report": ["*.json"],
        "procure_check._vendor.durable": ["LICENSE", "PATCHES.md"],
        **{package: ["*.yaml", "*.md"] for package in DATA},
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
