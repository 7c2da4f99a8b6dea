"""Reader comment threads left in scraped pages: found by their signatures, cut from the text.

A comment thread is recognised by what only comments carry, a **signature**: a handle with a
timestamp and a "Report abuse" or "Reply" link, or a "<time>, <handle> wrote:" header. A page with
no signature keeps all its text: an article may quote a letter ("Gillers wrote:"), discuss readers'
comments or invite them at its top, and none of that is a thread.

Where a thread starts. Signatures come in two places, and the start is found accordingly:

- a header before each comment ("At 10:14 am on 28 May 2010, pzero wrote: ..."): the thread starts
  at the first header;
- a trailer after each comment ("... Posted by : rallyart2012 | April 30, 2010 12:27 PM | Report
  abuse"): the first comment's words come before the first trailer, so the thread starts at the
  comment section's opener when the page kept one ("Leave your thoughts in the comments section
  below"), or right after the article's last sign-off ("Reporting by ...; Editing by ..."), and
  otherwise at the line of the first trailer (the words of the first comment before it then stay:
  nothing in them says where the article ended).

The thread runs to the end of the page: threads sit below the article, and what follows them is
the page's footer. Every pattern below answers a page seen in the Timeline17 collections (BBC "Have
Your Say", Washington Post and Reuters comment threads, Washington Post "On Faith" post lists).
"""

from __future__ import annotations

import re

# Month names as pages print them, full or cut ("Sept."); the cleaner's header-date rule uses them too.
MONTH_NAMES = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
               r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_MONTH = rf"(?:{MONTH_NAMES})\.?"
_DATE = (rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)? ?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}"
         r"|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})")
_TIME = r"\d{1,2} ?: ?\d\d(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?"
_HANDLE = r"[^\s|,:]{2,40}(?: [^\s|,:]{1,40}){0,3}"

# A header before the comment: BBC "Have Your Say": "At 10:14 am on 28 May 2010 , pzero wrote :".
HEADER = re.compile(rf"\bAt {_TIME} (?:on )?{_DATE} ?, ?{_HANDLE} wrote ?:", re.I)
# A trailer after the comment.
TRAILERS = [
    # Washington Post: "Posted by : jward52 | June 7 , 2010 6:10 PM | Report abuse"
    re.compile(rf"\bPosted by ?:? ?{_HANDLE} ?\| ?{_DATE}[^|]{{0,20}}\| ?Report abuse", re.I),
    # Reuters: "Posted by kiwidave | Report as abusive"
    re.compile(rf"\bPosted by ?:? ?{_HANDLE} ?\| ?Report as abusive", re.I),
    # Washington Post "On Faith" lists of posts: "Posted by Arthur Waskow , on July 21 , 2010 4:21 PM"
    re.compile(rf"\bPosted by {_HANDLE}(?: ,)? on {_DATE} {_TIME}", re.I),
    # CNN and WordPress threads: "January 31, 2011 at 7:01 pm | Reply"
    re.compile(rf"{_DATE} at {_TIME} ?\| ?Reply\b", re.I),
    re.compile(r"\| ?Report abuse\b|\bReport as abusive\b", re.I),
]
# Every signature above holds one of these words; a page without any has no thread.
SIGNATURE_WORDS = ("wrote", "posted by", "report abuse", "report as abusive", "reply")
# What opens a comment section below an article (never its top: "welcomed in the comments section"
# at the top of a Washington Post column is an invitation, not the thread).
OPENER = re.compile(r"\b(?:in the comments? (?:section )?below|leave (?:your thoughts|a comment|a reply)"
                    r"|(?:post|add) (?:a|your) comment|views expressed in the comments|we welcome comments"
                    r"|join the (?:discussion|conversation))\b", re.I)
# A blog's byline with its timestamp, printed between the post and its comments (Washington Post:
# "By Chris Cillizza | May 27 , 2010 ; 2:08 PM ET Posted by : raynetherwood | ..."): cut with the thread.
STAMPED_BYLINE = re.compile(rf"\bBy [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){{0,3}} ?\| ?(?i:{_DATE} ?;? ?{_TIME})(?: ET)?")
# The last line of a wire article: its credits.
SIGN_OFF = re.compile(r"\((?:reporting|writing|editing) by\b[^)]*\)|-LRB- (?:additional )?(?:reporting|writing|"
                      r"editing) by\b.*?-RRB-|\bcontributed to this report\b", re.I)


def thread_start(text: str) -> tuple[int, str] | None:
    """Where the page's comment thread starts in ``text``, and why; None when it has none."""
    lowered = text.lower()
    if not any(word in lowered for word in SIGNATURE_WORDS):
        return None  # most pages: one scan for the words every signature holds, not one per pattern
    header = HEADER.search(text)
    trailers = [m for m in (p.search(text) for p in TRAILERS) if m is not None]
    trailer = min(trailers, key=lambda m: m.start()) if trailers else None
    if header is not None and (trailer is None or header.start() < trailer.start()):
        return _cut_at(text, header.start()), (
            f"comment thread: from the first comment header ({header.group(0)!r}) to the end of the page")
    if trailer is None:
        return None
    before = text[:trailer.start()]
    openers = list(OPENER.finditer(before))
    if openers:
        opener = openers[-1]
        reason = f"comment thread: from the comment section's opener ({opener.group(0)!r}) to the end of the page"
        return _cut_at(text, opener.start()), reason
    bylines = list(STAMPED_BYLINE.finditer(before))
    if bylines:
        return _cut_at(text, bylines[-1].start()), (f"comment thread: from the post's stamped byline "
                                                     f"({bylines[-1].group(0)!r}) to the end of the page")
    sign_offs = list(SIGN_OFF.finditer(before))
    if sign_offs:
        end = text.find("\n", sign_offs[-1].end())
        return (_after_spaces(text, end + 1 if end >= 0 else sign_offs[-1].end()),
                f"comment thread: everything after the article's sign-off ({sign_offs[-1].group(0)!r}), "
                f"where the comments signed {trailer.group(0)!r} begin")
    start = text.rfind("\n", 0, trailer.start()) + 1
    return start, (f"comment thread: from the line of the first comment signature ({trailer.group(0)!r}) to the "
                   "end of the page; the first comment's words before it could not be told from the article")


def _cut_at(text: str, marker: int) -> int:
    """The start of a marker's line, or the marker itself when it is glued to the end of an article
    sentence on that line ("... in April . Leave your thoughts ...")."""
    line_start = text.rfind("\n", 0, marker) + 1
    before = text[line_start:marker].rstrip()
    return marker if before and before[-1] in ".!?\"'”’" else line_start


def _after_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


# A sign-up or terms footer glued to the last line of a page (Fox News: "... contributed to this
# report Sign up for free e-mail news alerts from FoxNews.com and FoxBusiness.com .").
FOOTER = re.compile(r"\bSign up for (?:free |our )?(?:e-?mail|news|daily)\b[^.]{0,80}(?:alerts|newsletters?|updates)\b"
                    r"|\bTerms of (?:use|service)\b.{0,40}\bPrivacy (?:policy|statement)\b", re.I)
TAIL_WITHOUT_SENTENCE = 200  # teaser headlines and credits glued before a footer carry no full stop


def footer_start(text: str) -> tuple[int, str] | None:
    """Where a sign-up or terms footer starts, taking with it the unpunctuated tail it is glued to
    (teaser headlines, "X contributed to this report"); None when the page has none."""
    footer = FOOTER.search(text)
    if footer is None:
        return None
    line_start = text.rfind("\n", 0, footer.start()) + 1
    stops = [m.end() for m in re.finditer(r"[.!?]['\"”’]?\s", text[line_start:footer.start()])]
    start = line_start + stops[-1] if stops else line_start
    if footer.start() - start > TAIL_WITHOUT_SENTENCE:
        start = footer.start()
    return _after_spaces(text, start), f"footer: sign-up or terms notice ({footer.group(0)!r}) and what follows it"
