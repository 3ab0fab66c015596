"""Rows of one section of a Markdown file: the shared reader of check_arrows.py (the parts table of
docs/architecture.md) and check_rules.py (the rule index of docs/README.md)."""


def section_matches(path, heading, row):
    """The matches of the compiled regex `row` on the lines under `## heading`, in order."""
    matches = []
    in_section = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                in_section = line.strip() == "## " + heading
                continue
            m = row.match(line) if in_section else None
            if m:
                matches.append(m)
    return matches
