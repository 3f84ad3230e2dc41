"""Articles with their analysis JSON, the people they name and the outlets they cite.

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
        "articles",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("outlet", sa.String(255), index=True),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.String(32), index=True),
        sa.Column("label", sa.String(16)),
        sa.Column("p_false", sa.Float()),
        sa.Column("analysis", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "article_people",
        sa.Column("article_id", sa.String(255),
                  sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("name", sa.String(255), primary_key=True),
    )
    op.create_index("ix_article_people_name", "article_people", ["name"])
    op.create_table(
        "article_citations",
        sa.Column("article_id", sa.String(255),
                  sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("outlet", sa.String(255), primary_key=True),
        sa.Column("claims", sa.Integer(), nullable=False),
    )
    op.create_index("ix_article_citations_outlet", "article_citations", ["outlet"])


def downgrade() -> None:
    op.drop_table("article_citations")
    op.drop_table("article_people")
    op.drop_table("articles")
