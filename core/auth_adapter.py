"""Login throttling that cannot lock other people out (the allauth account adapter).

allauth counts failed logins per IP address and per "key". Its key is the e-mail address alone,
so anyone could lock a colleague out by typing their address with a wrong password five times.
Here the key is the e-mail address *and* the client's IP address: a person who failed five
times is slowed down, from that address only; the owner of the account, elsewhere, still signs
in. The client's IP is read behind the reverse proxy with ``ALLAUTH_TRUSTED_PROXY_COUNT`` or
``ALLAUTH_TRUSTED_CLIENT_IP_HEADER`` (settings, docs/security.md). This adapter only changes
the throttling key; it never stores anything.
"""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}|{self.get_client_ip(request)}"
