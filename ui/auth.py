"""Who is using the app: single-user by default, per-user sign-in (OIDC) when configured.

A team deployment adds an ``[auth]`` section to ``.streamlit/secrets.toml`` (see the README);
the app then asks everyone to sign in with ``st.login`` and each user's saved analyses live in
a database file of their own. Without that section the app is single-user: no sign-in, one
database.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from ui.i18n import tr


def auth_configured() -> bool:
    """Whether ``secrets.toml`` has an ``[auth]`` section (a missing file means no)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all, or an unreadable one: single-user mode
        return False


def may_enter() -> bool:
    """Whether the visitor may see the app: always in single-user mode, once signed in in team mode."""
    return not auth_configured() or bool(st.user.is_logged_in)


def require_sign_in() -> None:
    """When sign-in is configured, stop here until the user has signed in; show a sign-out button."""
    if not auth_configured():
        return
    _ = tr()
    if not may_enter():
        st.title(_("Client Portfolio Analyzer"))
        st.info(_("Sign in to see your team's portfolio and your saved analyses."))
        st.button(_("Sign in"), on_click=st.login, type="primary")
        st.stop()
    st.sidebar.caption(_("Signed in as {user}", user=str(st.user.get("email") or st.user.get("name") or "")))
    st.sidebar.button(_("Sign out"), on_click=st.logout)


def user_key() -> str | None:
    """A stable, anonymous key of the signed-in user, or None in single-user mode."""
    if not auth_configured() or not st.user.is_logged_in:
        return None
    identity = str(st.user.get("sub") or st.user.get("email") or "")
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:24]


def user_db_path(base: Path) -> Path:
    """The database of the current user: ``analyses.db`` -> ``analyses.<user key>.db`` when signed in."""
    key = user_key()
    return base if key is None else base.with_name(f"{base.stem}.{key}{base.suffix}")
