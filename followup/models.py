"""The follow-up store's tables (SQLAlchemy 2 declarative models).

One database holds every operation of a territory. Participants are known only by the
pseudonymous identifier the facilitator chose; no name, birth date or social security
number has a column here (docs/suivi.md). Hours are kept per participant, lot and month;
`ArchivedHours` keeps per-lot, per-month totals once `followup purge` removed participants.
Changing a table means a new Alembic revision in `followup/migrations/versions/`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Operation(Base):
    __tablename__ = "operations"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(80), unique=True)
    buyer: Mapped[str | None] = mapped_column(String(300))
    object: Mapped[str | None] = mapped_column(String(500))
    nature: Mapped[str | None] = mapped_column(String(20))
    framework: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str | None] = mapped_column(String(500))  # file or folder it was added from
    created_at: Mapped[datetime] = mapped_column(DateTime)
    participants_archived: Mapped[int] = mapped_column(Integer, default=0)

    lots: Mapped[list[Lot]] = relationship(
        back_populates="operation", order_by="Lot.position", cascade="all, delete-orphan"
    )


class Lot(Base):
    __tablename__ = "lots"
    __table_args__ = (UniqueConstraint("operation_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str | None] = mapped_column(String(300))
    hours_committed: Mapped[float | None] = mapped_column(Float)
    hours_per_year: Mapped[bool] = mapped_column(Boolean, default=False)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    penalty_per_hour: Mapped[float | None] = mapped_column(Float)  # € HT, when a number
    penalty_text: Mapped[str | None] = mapped_column(String(300))  # the formula as written
    penalty_source: Mapped[str | None] = mapped_column(String(40))
    participants_archived: Mapped[int] = mapped_column(Integer, default=0)

    operation: Mapped[Operation] = relationship(back_populates="lots")
    award: Mapped[Award | None] = relationship(
        back_populates="lot", uselist=False, cascade="all, delete-orphan"
    )


class Award(Base):
    __tablename__ = "awards"

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="CASCADE"), unique=True)
    company: Mapped[str] = mapped_column(String(300))
    siret: Mapped[str] = mapped_column(String(14))
    notified: Mapped[date] = mapped_column(Date)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[float | None] = mapped_column(Float)  # committed hours in the act, if given
    source: Mapped[str | None] = mapped_column(String(500))  # the act of engagement read

    lot: Mapped[Lot] = relationship(back_populates="award")


class Employer(Base):
    __tablename__ = "employers"

    id: Mapped[int] = mapped_column(primary_key=True)
    siret: Mapped[str] = mapped_column(String(14), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(20))  # titulaire, ETTI, AI, GEIQ, ETT, EI, …


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("operation_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operations.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(40))  # pseudonymous identifier (« P-014-03 »)
    public: Mapped[str | None] = mapped_column(String(10))  # DELD, RSA, … TH; None: unknown
    sex: Mapped[str | None] = mapped_column(String(1))
    age_band: Mapped[str | None] = mapped_column(String(8))
    qualification: Mapped[str | None] = mapped_column(String(10))
    qpv: Mapped[bool | None] = mapped_column(Boolean)


class Action(Base):
    __tablename__ = "actions"
    __table_args__ = (UniqueConstraint("participant_id", "lot_id", "employer_id", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="CASCADE"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"))
    modality: Mapped[str] = mapped_column(String(30))
    contract: Mapped[str] = mapped_column(String(30))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(30))


class MonthlyHours(Base):
    __tablename__ = "monthly_hours"
    __table_args__ = (UniqueConstraint("participant_id", "lot_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="CASCADE"), index=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # « 2027-03 »
    hours: Mapped[float] = mapped_column(Float)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id", ondelete="SET NULL"))


class ArchivedHours(Base):
    """Per-lot, per-month totals of purged participants: proof of execution kept longer."""

    __tablename__ = "archived_hours"
    __table_args__ = (UniqueConstraint("lot_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id", ondelete="CASCADE"), index=True)
    month: Mapped[str] = mapped_column(String(7))
    hours: Mapped[float] = mapped_column(Float)


class ImportLog(Base):
    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operations.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    rows: Mapped[int] = mapped_column(Integer)
    added: Mapped[int] = mapped_column(Integer)
    replaced: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text)  # French, one change per line
