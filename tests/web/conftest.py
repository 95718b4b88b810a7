"""Fixtures of the web tests: an app over a fresh store in a temporary folder, work done in the
calling thread (no worker processes), and clients signed in as each account."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, profiles
from starlette.testclient import TestClient

from reportgen.web import auth
from reportgen.web.app import create_app
from web_helpers import log_in, make_accounts

# argon2's default cost (64 MiB, ~0.5 s a hash here) is what the service uses and what the real-server
# tests exercise; in-process tests hash with the cheapest parameters so that dozens of accounts stay quick.
auth._hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)


@pytest.fixture
def app(tmp_path):
    make_accounts(tmp_path)
    return create_app(tmp_path, workers=0)


@pytest.fixture
def client_as(app):
    """client_as("quxian") → a TestClient signed in as that account."""
    clients = []

    def make(login: str) -> TestClient:
        client = TestClient(app, base_url="http://testserver")
        client.__enter__()
        clients.append(client)
        page = log_in(client, login)
        assert page.status_code == 200, page.text
        return client

    yield make
    for c in clients:
        c.__exit__(None, None, None)
