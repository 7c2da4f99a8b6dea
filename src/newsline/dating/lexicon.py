"""Words of time: month, weekday, season and number names, units, and their regex fragments."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
CALENDAR_WORDS = set(WEEKDAYS) | set(MONTHS)  # day and month names: never people or things
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
ORDINAL_WORDS = {n: word for word, n in ORDINALS.items() if word.isalpha()}
DIGIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "half a": 0.5, "a half": 0.5, "half an": 0.5, "a dozen": 12, "dozen": 12,
}
VAGUE_NUMBERS = {"several", "few", "a few", "many", "some", "a couple of", "couple of", "a number of",
                 "countless", "numerous", "the last few", "recent"}
# Calendar units, their TIMEX3 duration letters and how many of the letter one unit is.
UNITS = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1), "week": ("W", 1),
    "weekend": ("WE", 1), "month": ("M", 1), "quarter": ("Q", 1), "year": ("Y", 1), "decade": ("Y", 10),
    "century": ("Y", 100), "centurie": ("Y", 100),
}
CLOCK_UNITS = {"second", "minute", "hour"}

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
          "sixteen|seventeen|eighteen|nineteen")
NUM = (
    rf"(?:\d+(?:\.\d+)?|(?:{_TENS})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_SMALL}"
    r"|a hundred|hundreds of|a dozen|dozens of|half an?|an?|several|a few|few|many|some"
    r"|a couple of|couple of|a number of)"
)
UNIT = r"(?:second|minute|hour|day|weekend|week|month|quarter|year|decade|century|centurie)"
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:morning|afternoon|evening|night)"
# Approximators TimeML keeps inside the span: "about two years ago", "more than four decades".
APPROX = (
    r"(?:(?:about|around|approximately|nearly|almost|roughly|some|over(?!\s+the\b)|under(?!\s+the\b)|only|just"
    r"|at least|at most"
    r"|more than|less than|fewer than|up to|as many as|as much as|as long as|barely|well over|the better part of)\s+)"
)


def month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip("s")]


def number_of(words: str) -> int | float | None:
    """The value of a number phrase ("twenty four", "1.5", "a"), or None when it is vague ("several")."""
    text = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    text = re.sub(r"\s+of$", "", text)
    if text in VAGUE_NUMBERS or text in ("hundreds", "dozens", "couple"):
        return None
    try:
        return float(text.replace(",", "")) if "." in text else int(text.replace(",", ""))
    except ValueError:
        pass
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = text.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in DIGIT_WORDS:
        return NUMBER_WORDS[parts[0]] + DIGIT_WORDS[parts[1]]
    return None


def unit_of(word: str) -> str:
    """The singular unit of "days", "Week", "centuries"."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_DIGIT = "one|two|three|four|five|six|seven|eight|nine"
# Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand and three".
SPELLED_YEAR = (rf"(?:nineteen|eighteen)[-\s](?:(?:{_TENS})(?:[-\s](?:{_DIGIT}))?|{_TEEN}|hundred|o[-\s](?:{_DIGIT}))"
                rf"|two thousand(?:(?:\s+and)?[-\s](?:{_DIGIT}|{_TEEN}))?")


def spelled_year(words: str) -> int:
    parts = re.split(r"[-\s]+", words.lower().replace(" and ", " "))
    if parts[:2] == ["two", "thousand"]:
        return 2000 + int(number_of(" ".join(parts[2:])) or 0 if parts[2:] else 0)
    century = int(NUMBER_WORDS[parts[0]]) * 100
    rest = parts[1:]
    if rest == ["hundred"]:
        return century
    if rest and rest[0] == "o":
        return century + int(NUMBER_WORDS[rest[1]])
    return century + int(number_of(" ".join(rest)) or 0)
