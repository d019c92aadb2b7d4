"""The formal record as data: bodies and their house style (numbering, quorum, exclusion)."""
