"""Names in Arabic script (Arabic, Persian, Urdu), compared by their consonants.

Arabic script writes long vowels and leaves short ones out: قاسم سليماني transliterates as
`qasm slymany`, while lists spell the same name `Qasem Soleimani`, `Ghasem Soleymani` or
`Kassem Suleimani`. The consonants are what both spellings share (`qsm slmn`), so a name in Arabic
script is also read as its consonants, and a list name it meets is cut to its consonants too.
The vowel letters dropped are a, e, i, o, u, and the half-vowels w and y (و and ي write both a
consonant and a long vowel); ة, the feminine ending (أسامة, Usama), is dropped before reading, and
so is ال, the article joined to the word it precedes (التكريتي, AL-TIKRITI): lists write it as a
word of its own (`AL-`, `EL`, `ES-`), which weighs little as a name particle.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_TA_MARBUTA = re.compile("[\u0629\ufe93\ufe94]")
_ARTICLE = re.compile(r"(?<!\w)\u0627\u0644(?=\w{3})")  # ال before three letters or more: not الله
_VOWELS = re.compile("[aeiouwy]+")
_REPEATED = re.compile(r"(.)\1+")


def is_arabic(text: str) -> bool:
    """Whether the name has letters of the Arabic script."""
    return _ARABIC.search(text) is not None


def as_its_consonants_are_read(text: str) -> str:
    """The name with ة left out (transliterated it is a `t` that Latin spellings do not write) and
    each word's article ال (Latin spellings write it apart: التكريتي is `AL-TIKRITI`)."""
    return _ARTICLE.sub("", _TA_MARBUTA.sub("", text))


@lru_cache(maxsize=65536)
def consonants(token: str) -> str:
    """A Latin word's consonants, a doubled one once (`nasrallah` → `nsrlh`)."""
    return _REPEATED.sub(r"\1", _VOWELS.sub("", token))


def consonant_text(text: str) -> str:
    """Each word of a text cut to its consonants; words of vowels only are left out."""
    return " ".join(kept for word in text.split() if (kept := consonants(word)))
