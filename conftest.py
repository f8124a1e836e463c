"""Project-wide pytest setup: screenshots go to test-artifacts/."""

from pathlib import Path

import pytest


@pytest.fixture
def artifacts_dir() -> Path:
    path = Path(__file__).parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path
