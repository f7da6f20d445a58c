from hypothesis import given
from hypothesis import strategies as st

from reader.ingest.urls import clean_url, is_tracking_param, is_web_url, url_key

ARTICLE = "https://www.tagesblick.de/politik/gipfel-100.html"


def test_web_urls_are_http_or_https_with_a_host() -> None:
    assert is_web_url(ARTICLE)
    assert is_web_url("http://127.0.0.1:8080/x")
    assert not is_web_url("ftp://tagesblick.de/x")
    assert not is_web_url("www.tagesblick.de/x")
    assert not is_web_url("https://")
    assert not is_web_url("articles/gipfel.txt")
    assert not is_web_url("http://[::1")  # malformed: no exception, just not a URL
    assert not is_web_url("http://exa mple.de/")
    assert not is_web_url("http://x.de:99999/")


def test_clean_url_drops_tracking_and_fragment_and_keeps_the_rest_as_written() -> None:
    url = "https://www.tagesblick.de/a?id=7&utm_source=twitter&seite=2&fbclid=Xy&q=a%20b#kommentare"
    assert clean_url(url) == "https://www.tagesblick.de/a?id=7&seite=2&q=a%20b"
    assert clean_url(ARTICLE + "?utm_medium=social&wt_mc=nl") == ARTICLE


@given(st.sampled_from(["utm_source", "UTM_Campaign", "fbclid", "gclid", "wt_zmc", "at_medium", "mc_eid"]))
def test_known_tracking_parameters_are_recognised(name: str) -> None:
    assert is_tracking_param(name)


def test_parameters_that_choose_content_are_not_tracking() -> None:
    for name in ("id", "page", "seite", "article", "p", "q"):
        assert not is_tracking_param(name)


def test_url_key_treats_addresses_of_the_same_page_as_equal() -> None:
    variants = [
        ARTICLE,
        "http://www.tagesblick.de/politik/gipfel-100.html",
        "https://tagesblick.de/politik/gipfel-100.html",
        "https://WWW.Tagesblick.DE:443/politik/gipfel-100.html",
        ARTICLE + "/",
        ARTICLE + "#kommentare",
        ARTICLE + "?utm_source=newsletter&utm_campaign=morgen",
        "https://www.tagesblick.de/politik/gipfel%2D100.html",
    ]
    assert {url_key(v) for v in variants} == {url_key(ARTICLE)}


def test_url_key_keeps_what_tells_pages_apart() -> None:
    assert url_key(ARTICLE) != url_key("https://www.tagesblick.de/politik/gipfel-101.html")
    assert url_key("https://x.de/a?id=1") != url_key("https://x.de/a?id=2")
    assert url_key("https://x.de/a") != url_key("https://y.de/a")
    assert url_key("http://x.de:8080/a") != url_key("http://x.de/a")
    assert url_key("https://x.de/a?id=1&p=2") == url_key("https://x.de/a?p=2&id=1")


_param_value = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=8)


@given(
    tracking=st.lists(
        st.tuples(st.sampled_from(["utm_source", "utm_medium", "fbclid", "gclid", "wt_mc"]), _param_value), max_size=4
    ),
    content=st.lists(
        st.tuples(st.sampled_from(["id", "seite", "p"]), _param_value), max_size=3, unique_by=lambda kv: kv[0]
    ),
    fragment=st.one_of(st.just(""), _param_value),
    data=st.data(),
)
def test_tracking_parameters_order_and_fragment_never_change_the_key(tracking, content, fragment, data) -> None:
    plain = ARTICLE + ("?" + "&".join(f"{k}={v}" for k, v in content) if content else "")
    mixed = data.draw(st.permutations(tracking + content))
    decorated = (
        ARTICLE + ("?" + "&".join(f"{k}={v}" for k, v in mixed) if mixed else "") + (f"#{fragment}" if fragment else "")
    )
    assert url_key(decorated) == url_key(plain)
    assert url_key(clean_url(decorated)) == url_key(plain)
