"""The first schema of the follow-up store.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reference", sa.String(80), nullable=False, unique=True),
        sa.Column("buyer", sa.String(300)),
        sa.Column("object", sa.String(500)),
        sa.Column("nature", sa.String(20)),
        sa.Column("framework", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(500)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("participants_archived", sa.Integer, nullable=False),
    )
    op.create_table(
        "lots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "operation_id",
            sa.Integer,
            sa.ForeignKey("operations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(300)),
        sa.Column("hours_committed", sa.Float),
        sa.Column("hours_per_year", sa.Boolean, nullable=False),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sa.Column("penalty_per_hour", sa.Float),
        sa.Column("penalty_text", sa.String(300)),
        sa.Column("penalty_source", sa.String(40)),
        sa.Column("participants_archived", sa.Integer, nullable=False),
        sa.UniqueConstraint("operation_id", "number"),
    )
    op.create_table(
        "awards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "lot_id",
            sa.Integer,
            sa.ForeignKey("lots.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("company", sa.String(300), nullable=False),
        sa.Column("siret", sa.String(14), nullable=False),
        sa.Column("notified", sa.Date, nullable=False),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sa.Column("hours", sa.Float),
        sa.Column("source", sa.String(500)),
    )
    op.create_table(
        "employers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("siret", sa.String(14), nullable=False, unique=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20)),
    )
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "operation_id",
            sa.Integer,
            sa.ForeignKey("operations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("public", sa.String(10)),
        sa.Column("sex", sa.String(1)),
        sa.Column("age_band", sa.String(8)),
        sa.Column("qualification", sa.String(10)),
        sa.Column("qpv", sa.Boolean),
        sa.UniqueConstraint("operation_id", "code"),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "participant_id",
            sa.Integer,
            sa.ForeignKey("participants.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "lot_id",
            sa.Integer,
            sa.ForeignKey("lots.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("employer_id", sa.Integer, sa.ForeignKey("employers.id"), nullable=False),
        sa.Column("modality", sa.String(30), nullable=False),
        sa.Column("contract", sa.String(30), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date),
        sa.Column("outcome", sa.String(30)),
        sa.UniqueConstraint("participant_id", "lot_id", "employer_id", "start"),
    )
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "operation_id",
            sa.Integer,
            sa.ForeignKey("operations.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("replaced", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_table(
        "monthly_hours",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "participant_id",
            sa.Integer,
            sa.ForeignKey("participants.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "lot_id",
            sa.Integer,
            sa.ForeignKey("lots.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "action_id",
            sa.Integer,
            sa.ForeignKey("actions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("hours", sa.Float, nullable=False),
        sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id", ondelete="SET NULL")),
        sa.UniqueConstraint("participant_id", "lot_id", "month"),
    )
    op.create_table(
        "archived_hours",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "lot_id",
            sa.Integer,
            sa.ForeignKey("lots.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("hours", sa.Float, nullable=False),
        sa.UniqueConstraint("lot_id", "month"),
    )


def downgrade() -> None:
    for table in (
        "archived_hours",
        "monthly_hours",
        "imports",
        "actions",
        "participants",
        "employers",
        "awards",
        "lots",
        "operations",
    ):
        op.drop_table(table)
