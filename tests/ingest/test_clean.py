"""Page furniture is removed from scraped text, recorded with its reason, and articles are kept whole."""

from newsline.ingest.clean import HEADER_DATE_REASON, clean_text, guess_title, is_header_date_line

SCRAPED = """Friday, March 8, 2024
HomePoliticsEuropeMinsk court jails journalist
Minsk court jails journalist

A court in Minsk sentenced a journalist to eight years in prison on Tuesday, her colleagues said.

The journalist, who worked for an independent news site, denied the charges.

Share
Facebook
Twitter

Related Articles
Opposition leader speaks in Vilnius
Sanctions extended for another year

Leave a Reply
Please enter your comment!
Captcha verification failed!
We use cookies to improve your experience on our website.
"""


def reasons(text):
    return {r.text.strip(): r.reason for r in clean_text(text)[1]}


def test_scraped_page_loses_its_furniture_and_keeps_its_paragraphs():
    text, removed = clean_text(SCRAPED)
    assert all(SCRAPED[r.start:r.end] == r.text for r in removed)  # removals point into the raw input
    assert text.splitlines()[0] == "Minsk court jails journalist"
    assert "sentenced a journalist to eight years" in text and "denied the charges." in text
    for junk in ("Facebook", "Related Articles", "Vilnius", "Leave a Reply", "Captcha", "cookies", "HomePolitics"):
        assert junk not in text
    got = reasons(SCRAPED)
    assert got["Friday, March 8, 2024"] == HEADER_DATE_REASON
    assert got["HomePoliticsEuropeMinsk court jails journalist"] == "navigation crumbs"
    assert got["Twitter"] == "share buttons"
    assert got["Sanctions extended for another year"].startswith("below-article furniture")
    assert got["Please enter your comment!"] == "comment form"
    assert got["Captcha verification failed!"] == "captcha"
    assert got["We use cookies to improve your experience on our website."] == "cookie notice"


def test_removal_offsets_point_into_the_raw_text():
    for removal in clean_text(SCRAPED)[1]:
        assert SCRAPED[removal.start:removal.end] == removal.text


def test_a_clean_article_is_left_alone():
    article = "Talks in Beijing\n\nThe two leaders met on Wednesday.\n\nThey signed 16 agreements, officials said."
    text, removed = clean_text(article)
    assert text == article and removed == []


def test_sentences_that_mention_cookies_or_sharing_are_not_furniture():
    article = ("The factory exports cookies and biscuits to Russia, its director said on Monday.\n"
               "Shareholders will vote on the merger next week.")
    assert clean_text(article)[1] == []


def test_header_date_lines():
    assert is_header_date_line(" date 2023-02-26 25.02.2023")
    assert is_header_date_line("Published: Monday, April 15, 2024 10:32")
    assert not is_header_date_line("Lukashenko will visit China from February 28 to March 2, 2023.")


def test_a_date_line_deep_in_the_article_is_kept():
    article = "Visit ends\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\nMarch 2, 2023\n"
    assert "March 2, 2023" in clean_text(article)[0]


def test_titles():
    assert guess_title("Lukashenko lands in Beijing\n\nBody.") == "Lukashenko lands in Beijing"
    assert guess_title("He arrived on Tuesday. Talks follow.") == "He arrived on Tuesday."


def test_the_clean_stage_keeps_the_inputs_title_and_records_what_the_html_extraction_left_out():
    from newsline.ingest.clean import clean_stage
    from newsline.model import Document
    from newsline.registry import Context

    given = Document(id="a", path="a.html", format="html", raw_text=SCRAPED, given_title="Court jails journalist",
                     markup_chars=12345)
    plain = Document(id="b", path="b.txt", format="text", raw_text=SCRAPED)
    clean_stage([given, plain], Context())
    assert given.title == "Court jails journalist" and plain.title == "Minsk court jails journalist"
    assert given.removed[0].reason.startswith("html: 12,345 characters of markup")
    assert [r.reason for r in given.removed[1:]] == [r.reason for r in plain.removed]
    assert not any(r.reason.startswith("html:") for r in plain.removed)
