"""Single-user by default; with [auth] configured, nothing is shown before sign-in, and each user
keeps analyses of their own."""

from pathlib import Path

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "id", "client_secret": "secret",
        "server_metadata_url": "https://id.example.invalid/.well-known/openid-configuration"}  # fmt: skip


def test_without_auth_the_app_opens_on_the_demo(app):
    app.run()
    assert not [b for b in app.button if b.label == "Sign in"]
    assert any("Demo portfolio" in h.value for h in app.subheader)


def test_with_auth_nothing_is_shown_before_sign_in(app):
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": False}
    app.run()
    assert not app.exception
    assert [b.label for b in app.button] == ["Sign in"]
    assert not app.metric and not app.dataframe  # no portfolio figure leaks to a stranger


def test_signed_in_users_get_databases_of_their_own(app, monkeypatch, tmp_path):
    from ui import auth

    base = tmp_path / "analyses.db"
    monkeypatch.setattr(auth, "auth_configured", lambda: True)
    paths = {}
    for email in ("ann@example.com", "bob@example.com"):
        monkeypatch.setattr(auth.st, "user", _User({"is_logged_in": True, "email": email}))
        paths[email] = auth.user_db_path(base)
    assert paths["ann@example.com"] != paths["bob@example.com"]
    assert all(p.parent == base.parent and p.suffix == ".db" for p in paths.values())
    assert "ann" not in str(paths["ann@example.com"])  # the file name does not reveal who it is
    monkeypatch.setattr(auth, "auth_configured", lambda: False)
    assert auth.user_db_path(base) == Path(base)


class _User(dict):
    @property
    def is_logged_in(self) -> bool:
        return bool(self.get("is_logged_in"))
