"""Checking and cleaning every file the public uploads, whatever the app.

`clean_upload(upload, kind)` is the one gate: the type is decided by the file's content
(magic numbers via `filetype`), never by its name or the browser's claim; images are
measured from their header *before* any pixel is decoded (a 2 MB JPEG can claim
12000 x 12000 pixels and cost half a gigabyte to decode), then decoded, stripped of every
piece of metadata (EXIF, GPS, comments) by re-encoding, and stored under a random name.
Forms call it last, after the captcha and every cheap field check have passed, so a
bomb costs a bot nothing but the upload.
"""

import io
import re
import secrets
import unicodedata
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

# MIME type (as sniffed) -> extension we store the file under.
IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
MEDIA_TYPES = {
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
# Pillow plugin allowed to open each sniffed type, and the format we save it in. Phones'
# multi-picture JPEGs open as MPO through the JPEG plugin.
PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
PILLOW_OPENED_AS = {"JPEG": {"JPEG", "MPO"}, "PNG": {"PNG"}, "WEBP": {"WEBP"}}
MAX_NAME_LENGTH = 100
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class UploadKind:
    """What one kind of upload accepts: types, a size setting and the words to refuse."""

    types: dict
    max_bytes_setting: str
    default_max_bytes: int
    type_error: str
    fallback_name: str


UPLOAD_KINDS = {
    # Complaint evidence: photos, documents, short videos and voice notes.
    "attachment": UploadKind(
        types={**IMAGE_TYPES, **MEDIA_TYPES},
        max_bytes_setting="COMPLAINT_ATTACHMENT_MAX_BYTES",
        default_max_bytes=10 * 1024 * 1024,
        type_error=_(
            "This type of file is not accepted. Attach a photo (JPEG, PNG, WebP), "
            "a PDF, a short video or a voice note."
        ),
        fallback_name="lampiran",
    ),
    # Photos only (ambassador activity reports and any other picture-only upload).
    "photo": UploadKind(
        types=IMAGE_TYPES,
        max_bytes_setting="UPLOAD_PHOTO_MAX_BYTES",
        default_max_bytes=5 * 1024 * 1024,
        type_error=_("Upload a JPEG, PNG or WebP photo."),
        fallback_name="foto",
    ),
}


@dataclass
class CleanFile:
    content: ContentFile
    original_name: str
    content_type: str
    size: int


def max_bytes(kind="attachment"):
    spec = UPLOAD_KINDS[kind]
    return getattr(settings, spec.max_bytes_setting, spec.default_max_bytes)


def max_image_pixels():
    return settings.UPLOAD_MAX_IMAGE_PIXELS


def _megapixels(pixels):
    return f"{pixels / 1_000_000:g}"


def sanitise_name(name, extension, fallback="lampiran"):
    """A display name safe to show and to put in a download header: no path, no control or
    direction-override characters, only letters, digits, dot, dash, underscore and space;
    always ending in the extension that matches the content."""
    name = unicodedata.normalize("NFKC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in ("C", "Z") or ch == " ")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = re.sub(r"[^\w\- ]+", "_", stem, flags=re.ASCII).strip(" ._-")
    stem = re.sub(r"_{2,}", "_", stem)[: MAX_NAME_LENGTH - len(extension) - 1]
    return f"{stem or fallback}.{extension}"


def check_size(upload, kind="attachment"):
    """The cheap check, safe to run before anything else: refuse by byte count."""
    limit = max_bytes(kind)
    if upload.size > limit:
        raise ValidationError(
            _("Each file may be at most %(limit)s.") % {"limit": filesizeformat(limit)},
            code="too_large",
        )


def _too_large_image():
    limit = _megapixels(max_image_pixels())
    return ValidationError(
        _("The image is too large: at most %(limit)s megapixels. Send a smaller photo.")
        % {"limit": limit},
        code="image_too_large",
    )


def _unreadable_image():
    return ValidationError(_("The image could not be read. Try another photo."), code="bad_image")


def _check_header(image, fmt):
    """Refuse by what the header claims, before a single pixel is decoded."""
    if image.format not in PILLOW_OPENED_AS[fmt]:
        raise _unreadable_image()
    width, height = image.size
    if width < 1 or height < 1 or width * height > max_image_pixels():
        raise _too_large_image()
    if getattr(image, "n_frames", 1) > settings.UPLOAD_MAX_IMAGE_FRAMES:
        raise _too_large_image()


def reencode_image(data, mime):
    """Decode (bounded), keep the first frame upright, save without any metadata."""
    fmt = PILLOW_FORMATS[mime]
    max_side = settings.UPLOAD_IMAGE_MAX_SIDE
    try:
        with warnings.catch_warnings():
            # Pillow warns between its limit and twice it; ours refuses before that matters.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data), formats=[fmt])
        with opened as image:
            _check_header(image, fmt)
            if fmt == "JPEG":
                # libjpeg decodes straight at 1/2, 1/4 or 1/8 scale: huge photos cost less.
                image.draft("RGB", (max_side, max_side))
            image.load()
            image = ImageOps.exif_transpose(image)
            image.thumbnail((max_side, max_side))
            if fmt == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            output = io.BytesIO()
            # Saved without `exif=`, ICC or text chunks: no GPS, camera or comments remain.
            image.save(output, format=fmt, quality=85, optimize=True)
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise _too_large_image() from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise _unreadable_image() from error
    return output.getvalue()


def sniff_type(upload, kind="attachment"):
    """The MIME type the content says it is, if this kind of upload accepts it."""
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    guessed = filetype.guess(head)
    if guessed is None or guessed.mime not in UPLOAD_KINDS[kind].types:
        raise ValidationError(UPLOAD_KINDS[kind].type_error, code="bad_type")
    return guessed.mime


def clean_upload(upload, kind="attachment"):
    """Validate one uploaded file and return it cleaned, or raise ValidationError.

    The returned `content` is a ContentFile under a random name, ready for a FileField."""
    spec = UPLOAD_KINDS[kind]
    check_size(upload, kind)
    mime = sniff_type(upload, kind)
    data = upload.read()
    if mime in PILLOW_FORMATS:
        data = reencode_image(data, mime)
    extension = spec.types[mime]
    return CleanFile(
        content=ContentFile(data, name=f"{secrets.token_hex(12)}.{extension}"),
        original_name=sanitise_name(upload.name, extension, spec.fallback_name),
        content_type=mime,
        size=len(data),
    )


def limit_pillow_globally():
    """Pillow's own bomb guard for every other decode in the process (admin images,
    renditions): warn above the limit, refuse above twice the limit."""
    Image.MAX_IMAGE_PIXELS = max(
        settings.UPLOAD_MAX_IMAGE_PIXELS,
        getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 0),
    )
