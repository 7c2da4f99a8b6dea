"""The Porter stemmer as ROUGE-1.5.5 runs it: the Perl release 1 of Porter's algorithm with the
change its author made on 14 February 2004 (a word in "-ement" tries "-ment" and "-ent" after it).

Ported line by line from the stemmer inside ROUGE-1.5.5.pl, because no library implements that
variant: nltk's modes differ from it on words such as "settlement" or "agreement", and on the
Timeline17 reference cases that difference was the last one between newsline's ROUGE-1 and the
reference's (every AR-2 figure already agreed).
"""

from __future__ import annotations

import re

_C1 = "[^aeiou]"  # a consonant
_V1 = "[aeiouy]"  # a vowel
_CS = f"{_C1}[^aeiouy]*"  # a consonant sequence
_VS = f"{_V1}[aeiou]*"  # a vowel sequence
_MGR0 = re.compile(f"^({_CS})?{_VS}{_CS}")  # [C]VC... is m>0
_MEQ1 = re.compile(f"^({_CS})?{_VS}{_CS}({_VS})?$")  # [C]VC[V] is m=1
_MGR1 = re.compile(f"^({_CS})?{_VS}{_CS}{_VS}{_CS}")  # [C]VCVC... is m>1
_HAS_V = re.compile(f"^({_CS})?{_V1}")  # a vowel in the stem
_CVC = re.compile(f"^{_CS}{_V1}[^aeiouwxy]$")

_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
          "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
          "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
          "iviti": "ive", "biliti": "ble", "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP2_END = re.compile("(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|"
                        "iveness|fulness|ousness|aliti|iviti|biliti|logi)$")
_STEP3_END = re.compile("(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP4_END = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


def stem(word: str) -> str:
    if len(word) < 3:
        return word
    initial_y = word.startswith("y")
    w = "Y" + word[1:] if initial_y else word  # an initial y is never a vowel
    w = _step1(w)
    w = _step2_3(w)
    w = _step4(w)
    w = _step5(w)
    return "y" + w[1:] if initial_y else w


def _step1(w: str) -> str:
    if (m := re.search("(ss|i)es$", w)) or (m := re.search("([^s])s$", w)):
        w = w[:m.start()] + m.group(1)
    if m := re.search("eed$", w):
        if _MGR0.search(w[:m.start()]):
            w = w[:-1]
    elif m := re.search("(ed|ing)$", w):
        stem_ = w[:m.start()]
        if _HAS_V.search(stem_):
            w = stem_
            if re.search("(at|bl|iz)$", w):
                w += "e"
            elif re.search(r"([^aeiouylsz])\1$", w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    if (m := re.search("y$", w)) and _HAS_V.search(w[:m.start()]):
        w = w[:m.start()] + "i"
    return w


def _step2_3(w: str) -> str:
    if (m := _STEP2_END.search(w)) and _MGR0.search(w[:m.start()]):
        w = w[:m.start()] + _STEP2[m.group(1)]
    if (m := _STEP3_END.search(w)) and _MGR0.search(w[:m.start()]):
        w = w[:m.start()] + _STEP3[m.group(1)]
    return w


def _step4(w: str) -> str:
    if (m := _STEP4_END.search(w)) and _MGR1.search(w[:m.start()]):
        w = w[:m.start()]
    if (m := re.search("ment$", w)) and _MGR1.search(w[:m.start()]):
        w = w[:m.start()]
    if m := re.search("ent$", w):
        if _MGR1.search(w[:m.start()]):
            w = w[:m.start()]
    elif (m := re.search("(s|t)(ion)$", w)) and _MGR1.search(w[:m.start()] + m.group(1)):
        w = w[:m.start()] + m.group(1)
    return w


def _step5(w: str) -> str:
    if m := re.search("e$", w):
        stem_ = w[:m.start()]
        if _MGR1.search(stem_) or (_MEQ1.search(stem_) and not _CVC.search(stem_)):
            w = stem_
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    return w
