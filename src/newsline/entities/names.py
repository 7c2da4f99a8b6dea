"""Keys under which spellings and transliterations of one name meet.

"Tsikhanouskaya" (from Belarusian) and "Tikhanovskaya" (from Russian) are one surname; so are
"Lukashenka" and "Lukashenko", "Aliaksandr", "Aleksandr" and "Alexander". They differ by regular
correspondences between the languages and the romanisation systems, not by chance:

- any script is first romanised with unidecode (Ціханоўская -> Tsikhanouskaia);
- romanisation variants: kh/h, x/ks, ph/f, w/v, j/y, ia/ya, doubled letters;
- Belarusian against Russian forms: ц before i/e against т (Tsi-/Ti-), ў (u after a vowel) against в
  (-ou-/-ov-), the ending -ka against -ko (Lukashenka/Lukashenko);
- Slavic adjectival surnames keep their gender: -skaya/-skaja/-skaia/-ska is one feminine ending,
  -sky/-ski/-skiy/-skii one masculine ending, and the two never meet (Sviatlana Tsikhanouskaya and
  her husband Siarhei Tsikhanouski are two people).

No library covers these correspondences (phonetic codes such as Metaphone or NYSIIS are built for
English and either split these pairs or merge the two genders), so they are written here.
"""

from __future__ import annotations

import re

from unidecode import unidecode

_FEMININE = re.compile(r"(?:sk|ck|tsk|zk)(?:aya|aja|aia|a)$")
_MASCULINE = re.compile(r"(?:sk|ck|tsk|zk)(?:iy|ii|yi|y|i|ij)$")
_ROMANISATION = [("kh", "h"), ("x", "ks"), ("ph", "f"), ("w", "v"), ("j", "y"), ("ia", "ya"), ("io", "yo"),
                 ("iu", "yu"), ("zh", "j"), ("sz", "sh"), ("cz", "ch"), ("tch", "ch")]


def romanised(word: str) -> str:
    """Lower-case ASCII letters only."""
    return re.sub(r"[^a-z]", "", unidecode(word).lower())


def name_key(word: str) -> str:
    """A key shared by the spellings and transliterations of one name word, gender kept."""
    w = romanised(word)
    if not w:
        return ""
    ending = ""
    if len(w) > 5 and (match := _FEMININE.search(w)):
        w, ending = w[:match.start()], "+ska"
    elif len(w) > 5 and (match := _MASCULINE.search(w)):
        w, ending = w[:match.start()], "+ski"
    for a, b in _ROMANISATION:
        w = w.replace(a, b)
    w = re.sub(r"^ts(?=[iey])", "t", w)  # Belarusian Tsi- against Russian Ti-
    w = re.sub(r"(?<=[aeiouy])u(?=[^aeiouy]|$)", "v", w)  # Belarusian ou/au (ў) against ov/av
    w = re.sub(r"k[ao]$", "k", w)  # Lukashenka / Lukashenko
    w = re.sub(r"(.)\1+", r"\1", w)
    final = w[-1] if len(w) > 2 and w[-1] in "aeio" and not ending else ""  # Maria / Mario differ
    return w[:1] + re.sub(r"[aeiouy]", "", w[1:-1] if final else w[1:]) + final + ending
