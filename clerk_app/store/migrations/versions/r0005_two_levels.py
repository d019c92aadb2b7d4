"""Repair points nested three (or more) levels deep, which an indent bug could write.

Such points were in the file but shown nowhere: the window, the exports and the minutes read
two levels only.  Each is re-parented to its lettered (top-level) ancestor and placed right
after its former parent in reading order, so the hidden text is visible again where it was
typed.  The same rule as ``clerk_app.core.structure.flatten_to_two_levels``, over rows.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Points whose parent has a parent: the ones out of sight.
_DEEP_ITEMS = sa.text(
    "SELECT DISTINCT p.item_id FROM points p JOIN points q ON p.parent_id = q.id "
    "WHERE q.parent_id IS NOT NULL"
)
_ITEM_POINTS = sa.text(
    "SELECT id, parent_id FROM points WHERE item_id = :item ORDER BY position, id"
)
_PLACE = sa.text("UPDATE points SET parent_id = :parent, position = :position WHERE id = :id")


def upgrade() -> None:
    bind = op.get_bind()
    for (item_id,) in bind.execute(_DEEP_ITEMS).all():
        children: dict[int | None, list[int]] = {}
        for point_id, parent_id in bind.execute(_ITEM_POINTS, {"item": item_id}).all():
            children.setdefault(parent_id, []).append(point_id)
        for top in children.get(None, []):
            flat: list[int] = []
            _reading_order(children, top, flat)
            for position, point_id in enumerate(flat):
                bind.execute(_PLACE, {"parent": top, "position": position, "id": point_id})


def _reading_order(children: dict[int | None, list[int]], parent: int, out: list[int]) -> None:
    """Every descendant of ``parent``, each followed by its own descendants (depth first).

    A parent cycle cannot arise from the window's edits; ``seen`` keeps a damaged file from
    looping forever all the same."""
    pending = list(reversed(children.get(parent, [])))
    seen = {parent}
    while pending:
        point_id = pending.pop()
        if point_id in seen:
            continue
        seen.add(point_id)
        out.append(point_id)
        pending.extend(reversed(children.get(point_id, [])))


def downgrade() -> None:
    # The old nesting is not recorded and showed nothing: there is nothing to put back.
    pass
