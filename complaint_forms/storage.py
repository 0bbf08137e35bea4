"""Private file storage for complaint attachments.

Rooted at ``settings.PRIVATE_MEDIA_ROOT`` (never under ``MEDIA_ROOT``) and without a
public URL: files leave it only through the staff download view, after a permission check.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Reads the setting on every use, so tests and deployments can move the folder."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; use the staff download view.")


def private_storage():
    return PrivateStorage()
