"""StreamField data operations that migrations of several apps use (every app's body
extends `BaseStreamBlock`). Migrations import this module: keep what is here."""

from django.utils.deconstruct import deconstructible

from wagtail.blocks.migrations.operations import BaseBlockOperation

from .blocks import nest_image_alt_text


@deconstructible
class NestImageAltTextOperation(BaseBlockOperation):
    """Stored `image` blocks to the shape of Wagtail's ImageBlock (see
    `site_core.blocks.nest_image_alt_text`); use with the block path "image"."""

    def apply(self, block_value):
        return nest_image_alt_text(block_value)

    @property
    def operation_name_fragment(self):
        return "nest_image_alt_text"
