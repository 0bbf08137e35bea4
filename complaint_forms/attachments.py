"""Checking and cleaning files citizens attach.

The type is decided by the file's content (magic numbers via `filetype`), never by its name
or the browser's claim; images are decoded and re-encoded with Pillow so camera and GPS
metadata (EXIF) cannot survive; names are reduced to harmless characters.
"""

import io
import re
import secrets
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

# MIME type (as sniffed) -> extension we store the file under.
ALLOWED_TYPES = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/pdf": "pdf",
    "video/mp4": "mp4",
    "video/webm": "webm",
    "video/3gpp": "3gp",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/ogg": "ogg",
    "audio/x-wav": "wav",
    "audio/amr": "amr",
    "audio/aac": "aac",
}
PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
MAX_NAME_LENGTH = 100


@dataclass
class CleanFile:
    content: ContentFile
    original_name: str
    content_type: str
    size: int


def max_bytes():
    return getattr(settings, "COMPLAINT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


def max_files():
    return getattr(settings, "COMPLAINT_ATTACHMENT_MAX_FILES", 3)


def sanitise_name(name, extension):
    """A display name safe to show and to put in a download header: no path, no control or
    direction-override characters, only letters, digits, dot, dash, underscore and space;
    always ending in the extension that matches the content."""
    name = unicodedata.normalize("NFKC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in ("C", "Z") or ch == " ")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = re.sub(r"[^\w\- ]+", "_", stem, flags=re.ASCII).strip(" ._-")
    stem = re.sub(r"_{2,}", "_", stem)[: MAX_NAME_LENGTH - len(extension) - 1]
    return f"{stem or 'lampiran'}.{extension}"


def _reencode_image(data, mime):
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            if image.width * image.height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise ValidationError(_("The image is too large."), code="image_too_large")
            image = ImageOps.exif_transpose(image)
            fmt = PILLOW_FORMATS[mime]
            if fmt == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            output = io.BytesIO()
            # Saved without `exif=` or text chunks: no GPS, camera, or comments remain.
            image.save(output, format=fmt, quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("The image could not be read. Try another photo."), code="bad_image"
        ) from error
    return output.getvalue()


def clean_upload(upload):
    """Validate one uploaded file and return it cleaned, or raise ValidationError."""
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("Each file may be at most %(limit)s.") % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "This type of file is not accepted. Attach a photo (JPEG, PNG, WebP), "
                "a PDF, a short video or a voice note."
            ),
            code="bad_type",
        )
    data = upload.read()
    if kind.mime in PILLOW_FORMATS:
        data = _reencode_image(data, kind.mime)
    extension = ALLOWED_TYPES[kind.mime]
    stored_name = f"{secrets.token_hex(12)}.{extension}"
    return CleanFile(
        content=ContentFile(data, name=stored_name),
        original_name=sanitise_name(upload.name, extension),
        content_type=kind.mime,
        size=len(data),
    )
