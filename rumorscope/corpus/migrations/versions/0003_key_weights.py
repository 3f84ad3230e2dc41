"""Weighted keys, document frequencies kept as articles arrive, best match per article.

Revision ID: 0003
Revises: 0002

A store made at 0002 keeps its articles: their keys get weight 1 and the document
frequencies are counted from the keys already there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("best_score", sa.Float(), nullable=True))
    with op.batch_alter_table("article_keys") as batch:
        batch.add_column(sa.Column("weight", sa.Float(), nullable=False, server_default="1"))
    op.create_index("ix_article_keys_article_id", "article_keys", ["article_id"])
    op.create_table(
        "key_df",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("df", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO key_df (key, df) SELECT key, COUNT(*) FROM article_keys GROUP BY key")


def downgrade() -> None:
    op.drop_table("key_df")
    op.drop_index("ix_article_keys_article_id", "article_keys")
    with op.batch_alter_table("article_keys") as batch:
        batch.drop_column("weight")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("best_score")
