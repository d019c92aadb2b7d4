"""The wording of a resolution excluding the press and public, in the body's law."""

from __future__ import annotations

from clerk_app.core.procedure.bodies import Body, ExclusionLaw


def exclusion_wording(body: Body, paragraphs: str) -> str:
    """The resolution's text; ``paragraphs`` are Schedule 12A paragraph numbers ("1, 3")."""
    if body.exclusion_law is ExclusionLaw.CUSTOM and body.exclusion_text.strip():
        return body.exclusion_text.strip().replace("{paragraphs}", paragraphs)
    if body.exclusion_law is ExclusionLaw.PARISH:
        return (
            "That in view of the confidential nature of the business about to be transacted, "
            "it is advisable in the public interest that the press and public be temporarily "
            "excluded and they are instructed to withdraw (Public Bodies (Admission to "
            "Meetings) Act 1960, section 1(2))."
        )
    which = "paragraph" if "," not in paragraphs and " and " not in paragraphs else "paragraphs"
    return (
        "That under section 100A(4) of the Local Government Act 1972 the press and public be "
        "excluded from the meeting for the following item(s) of business on the grounds that "
        "it involves the likely disclosure of exempt information as defined in "
        f"{which} {paragraphs} of Part 1 of Schedule 12A to the Act."
    )
