"""Work kept between builds: a damaged or unusable cache is no cache, never a failed build."""

from __future__ import annotations

import pytest

from generators.cache import user_cache_folder


def test_the_user_cache_is_per_version_and_an_unusable_one_is_none(tmp_path, monkeypatch):
    from generators import __version__

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = user_cache_folder("templates")
    assert folder is not None and folder.is_dir() and __version__ in folder.parts
    (tmp_path / "a-file").write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))
    assert user_cache_folder("templates") is None


def test_the_vega_bundle_is_made_once_per_user_and_version(tmp_path, monkeypatch):
    import vl_convert

    from generators.charts import drawing

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(vl_convert, "javascript_bundle", lambda: "// vega " + "x" * 100)
    made = drawing.javascript_bundle()

    def not_again():
        raise AssertionError("made again")

    monkeypatch.setattr(vl_convert, "javascript_bundle", not_again)
    assert drawing.javascript_bundle() == made
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    with pytest.raises(AssertionError, match="made again"):
        drawing.javascript_bundle()


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_a_user_cache_others_can_write_is_not_used(tmp_path, monkeypatch):
    from generators import __version__

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = user_cache_folder("templates")
    assert folder is not None and folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o777)
    assert user_cache_folder("templates") is None, "compiled templates are loaded as code: nobody else's"
    assert (tmp_path / "news-explainer" / __version__ / "templates") == folder
