"""StreamField data operations that migrations of several apps use (every app's body
extends `BaseStreamBlock`). Migrations import this module: keep what is here."""

import json

from django.db import migrations
from django.utils.deconstruct import deconstructible

from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation
from wagtail.blocks.migrations.utils import apply_changes_to_raw_data

from .blocks import nest_image_alt_text
from .value_migrations import rewrite_stored_copies


@deconstructible
class NestImageAltTextOperation(BaseBlockOperation):
    """Stored `image` blocks to the shape of Wagtail's ImageBlock (see
    `site_core.blocks.nest_image_alt_text`); use with the block path "image"."""

    def apply(self, block_value):
        return nest_image_alt_text(block_value)

    @property
    def operation_name_fragment(self):
        return "nest_image_alt_text"


@deconstructible
class MapStructChildOperation(BaseBlockOperation):
    """Stored values of one child of a struct block to new ones (`mapping`: old -> new),
    e.g. a choice whose values changed; use with the struct block's path."""

    def __init__(self, child, mapping):
        super().__init__()
        self.child = child
        self.mapping = mapping

    def apply(self, block_value):
        value = block_value.get(self.child)
        if isinstance(value, str) and value in self.mapping:
            return {**block_value, self.child: self.mapping[value]}
        return block_value

    @property
    def operation_name_fragment(self):
        return f"map_{self.child}"


def map_struct_child(app_name, model_name, field_name, block_path, child, mapping):
    """A reversible migration of one struct child's stored values in a StreamField: in the
    rows and every revision (Wagtail's `MigrateStreamData`, which has no reverse of its own:
    it is run with the inverse mapping) and in wagtail-localize's translation sources."""

    def walk(mapping):
        operation = MapStructChildOperation(child, mapping)

        def run(apps, schema_editor):
            MigrateStreamData(
                app_name=app_name,
                model_name=model_name,
                field_name=field_name,
                operations_and_block_paths=[(operation, block_path)],
            ).migrate_stream_data_forward(apps, schema_editor)
            streamfield = getattr(apps.get_model(app_name, model_name), field_name)

            def change(content):
                stored = content.get(field_name)
                if not stored:
                    return False
                raw = json.loads(stored) if isinstance(stored, str) else stored
                raw = apply_changes_to_raw_data(raw, block_path, operation, streamfield)
                content[field_name] = json.dumps(raw) if isinstance(stored, str) else raw
                return True

            rewrite_stored_copies(apps, app_name, model_name, change, revisions=False)

        return run

    backward = {new: old for old, new in mapping.items()}
    return migrations.RunPython(walk(mapping), walk(backward))
