"""Reader comment threads and glued footers are cut from the text, with the reason; articles that
quote a letter, discuss comments or invite them are kept whole."""

from newsline.ingest.clean import clean_text
from newsline.ingest.comments import footer_start, thread_start

ARTICLE = ("The ferry operator said on Tuesday that the vessel would stay in port until inspectors finish .\n"
           "Inspectors from the maritime authority arrived on Wednesday .\n")


def cut(text):
    kept, removed = clean_text(text)
    return kept, [r.reason for r in removed]


def test_header_style_thread_is_cut_from_the_first_header():
    page = ARTICLE + ("What do you think ?\n"
                      "At 9:12 am on 04 Mar 2025 , harbourwatcher wrote : The ferry sank on Monday , I saw it .\n"
                      "It was 300 people at least .\n"
                      "At 10:40 am on 04 Mar 2025 , Pel_R wrote : Nonsense .\n")
    kept, reasons = cut(page)
    assert kept.endswith("What do you think ?")
    assert "sank" not in kept and "300" not in kept
    assert any(r.startswith("comment thread: from the first comment header") for r in reasons)


def test_trailer_style_thread_starts_at_the_opener_even_glued_to_a_line():
    page = ARTICLE + ("Leave your thoughts in the comments section below The operator lied , 40 died .\n"
                      "Posted by : seagull77 | March 4 , 2025 6:10 PM | Report abuse They always lie .\n"
                      "Posted by : Ossa_Dan | March 4 , 2025 6:24 PM | Report abuse\n")
    kept, reasons = cut(page)
    assert kept == ARTICLE.strip()
    assert "opener" in reasons[-1]


def test_trailer_style_thread_after_a_wire_sign_off_and_after_a_stamped_byline():
    signed = ARTICLE + ("-LRB- Reporting by Ana Ruiz ; Editing by Tom Hale -RRB-\n"
                        "They should all resign .\n"
                        "Posted by kiwi_k | Report as abusive Who pays ?\n")
    kept, _ = cut(signed)
    assert kept.endswith("-LRB- Reporting by Ana Ruiz ; Editing by Tom Hale -RRB-")
    stamped = ARTICLE + ("By Lena Ford | March 4 , 2025 ; 2:08 PM ET The ship was never safe .\n"
                         "Posted by : rem | March 5 , 2025 1:59 PM | Report abuse\n")
    kept, reasons = cut(stamped)
    assert kept == ARTICLE.strip()
    assert "stamped byline" in reasons[-1]


def test_lists_of_stamped_posts_and_wordpress_replies_are_threads():
    posts = ARTICLE + "Posted by Mara Kell , on March 4 , 2025 4:21 PM Posted by Ivo Dent , on March 3 , 2025 9:37 AM\n"
    assert cut(posts)[0] == ARTICLE.strip()
    replies = ARTICLE + "January 31, 2025 at 7:01 pm | Reply The captain ran .\n"
    assert cut(replies)[0] == ARTICLE.strip()


def test_pages_without_a_comment_signature_keep_all_their_text():
    letter = ARTICLE + ("In a letter to the board , Ruiz wrote : `` You are not in charge . ''\n"
                        "Comments by the minister on Monday angered the crew .\n"
                        "-LRB- Your thoughts are welcomed in the comments section -RRB-\n")
    assert thread_start(letter) is None
    kept, _ = cut(letter)
    assert "You are not in charge" in kept and "Comments by the minister" in kept


def test_a_glued_sign_up_footer_goes_with_its_unpunctuated_tail():
    page = ARTICLE + "Kim Lo contributed to this report Sign up for free e-mail news alerts from Ossa Daily .\n"
    kept, reasons = cut(page)
    assert kept == ARTICLE.strip()
    assert reasons[-1].startswith("footer: sign-up")
    assert footer_start(ARTICLE) is None


def test_removal_offsets_point_into_the_raw_page():
    page = ARTICLE + "At 9:12 am on 04 Mar 2025 , gull wrote : Lies .\n"
    _, removed = clean_text(page)
    thread = removed[-1]
    assert page[thread.start:thread.end] == thread.text
    assert thread.text.startswith("At 9:12 am")
