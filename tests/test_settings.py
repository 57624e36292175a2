from pathlib import Path

import pytest

from watchfloor.errors import SettingsError
from watchfloor.settings import SETTINGS, Settings, load_settings


def test_every_setting_is_declared_once_and_matches_the_dataclass() -> None:
    names = [setting.name for setting in SETTINGS]
    assert len(names) == len(set(names))
    assert set(names) == set(Settings.__dataclass_fields__)
    assert all(setting.help for setting in SETTINGS)


def test_environment_beats_toml_beats_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings().batch_size == 16
    (tmp_path / "watchfloor.toml").write_text("[watchfloor]\nbatch_size = 8\ndb = 'x.duckdb'\n")
    assert load_settings().batch_size == 8
    monkeypatch.setenv("WATCHFLOOR_BATCH_SIZE", "16")
    settings = load_settings()
    assert (settings.batch_size, settings.db) == (16, "x.duckdb")
    assert load_settings(db="y.duckdb").db == "y.duckdb"


def test_bad_values_raise_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WATCHFLOOR_BATCH_SIZE", "many")
    with pytest.raises(SettingsError, match="batch_size: expected int"):
        load_settings()
    monkeypatch.delenv("WATCHFLOOR_BATCH_SIZE")
    (tmp_path / "watchfloor.toml").write_text("bogus = 1\n")
    with pytest.raises(SettingsError, match="unknown setting"):
        load_settings()
    (tmp_path / "watchfloor.toml").write_text("this is = = not toml")
    with pytest.raises(SettingsError, match="settings file"):
        load_settings()
