"""Control characters (Unicode category Cc), named once for every place text lands: none belongs in an article's
text or a page; in a terminal even the whitespace ones that move the cursor are shown, not obeyed."""

from __future__ import annotations

import re

# Cc but tab, line feed, form feed and carriage return (whitespace, which text may hold)
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Cc but tab and line feed: a carriage return or form feed would rewrite what a terminal shows
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
