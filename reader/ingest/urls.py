"""Web addresses: which sources are URLs, which query parameters only track the reader, and a
comparison key under which two addresses of the same article are equal."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, unquote_plus, urlencode, urlsplit, urlunsplit

WEB_SCHEMES = ("http", "https")
TRACKING_PARAM_PREFIXES = ("utm_", "at_", "wt_", "pk_", "mtm_", "sara_", "ns_", "hsa_", "_hs")
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ocid",
        "xtor",
        "cmpid",
        "icid",
        "ito",
        "ref_src",
        "_ga",
        "_gl",
        "s_cid",
        "ncid",
        "smid",
        "wtmc",
        "ftag",
        "spm",
        "share",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def has_web_scheme(text: str) -> bool:
    """True when the text starts like a web address ('http://', 'https://'), valid or not."""
    return text.strip().lower().startswith(tuple(f"{scheme}://" for scheme in WEB_SCHEMES))


def is_web_url(text: str) -> bool:
    """True for a well-formed absolute http(s) address: a host without spaces, a valid port."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port  # ValueError unless a number from 0 to 65535
    except ValueError:
        return False
    return (
        parts.scheme.lower() in WEB_SCHEMES
        and bool(parts.hostname)
        and port != 0
        and not any(c.isspace() for c in parts.netloc)
    )


def is_tracking_param(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PARAM_PREFIXES)


def clean_url(url: str) -> str:
    """The address without tracking parameters and fragment: the form worth recording.

    The other parameters are kept exactly as written (order and percent-encoding).
    """
    parts = urlsplit(url.strip())
    kept = [
        pair for pair in parts.query.split("&") if pair and not is_tracking_param(unquote_plus(pair.split("=", 1)[0]))
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join(kept), ""))


def url_key(url: str) -> str:
    """A comparison key: equal for addresses that name the same page.

    Ignores the scheme (http/https), a leading 'www.', default ports, letter case of the host,
    percent-encoding, a trailing slash, tracking parameters, the fragment and parameter order.
    """
    parts = urlsplit(clean_url(url))
    host = (parts.hostname or "").removeprefix("www.")
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep the address as written
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = unquote(parts.path).rstrip("/") or "/"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{host}{path}?{query}" if query else f"{host}{path}"
