"""Keep the README true: its commands and labels exist."""

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)$", README, flags=re.M):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target


def test_ci_runs_the_readme_test_command():
    assert "make test" in README
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("make test")


def test_readme_labels_exist_in_the_app():
    files = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py")]  # widgets drawn by ui/ too
    sources = "".join(p.read_text(encoding="utf-8") for p in files)
    for label in ("A cut-off (%)", "B cut-off (%)"):
        assert label in README and label in sources
    assert '"{cls} clients"' in sources or 'f"{cls} clients"' in sources


def test_readme_screenshot_exists():
    for image in re.findall(r"\]\((docs/[^)]+\.png)\)", README):
        assert (ROOT / image).is_file(), image
