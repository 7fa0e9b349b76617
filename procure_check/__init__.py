"""procure-check: green public procurement compliance checker.

The flow is parse → extract facts → evaluate rules → report; each stage takes one pydantic
model and returns the next (`Document` → `Fact` list → `Result` list → `Report`).
"""

__version__ = "0.1.0"
