"""Stories: the placement keys of each article and the story it belongs to.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("title", sa.Text()),
        sa.Column("first_published", sa.String(32)),
        sa.Column("last_published", sa.String(32)),
        sa.Column("size", sa.Integer(), nullable=False, server_default="0"),
    )
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("key_norm", sa.Float(), nullable=True))
        batch.create_index("ix_articles_story_id", ["story_id"])
    op.create_table(
        "article_keys",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("article_id", sa.String(255),
                  sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("article_keys")
    with op.batch_alter_table("articles") as batch:
        batch.drop_index("ix_articles_story_id")
        batch.drop_column("key_norm")
        batch.drop_column("story_id")
    op.drop_table("stories")
