"""Source-quality flags: what a reader should know about a document before trusting it.

Each detector returns the *signals* it found (a span of the cleaned text, how much it weighs and
why) and the flag is built from them, so every flag explains itself: which spans, why, how strong.
"""
