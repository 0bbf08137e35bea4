"""Hostile image files, built in memory: decompression bombs and lying headers.

Small on the wire, huge once decoded. Each builder is cheap to call (the PNG bomb streams
its zeros through zlib, so no full-size pixel buffer is ever allocated here).
"""

import io
import struct
import zlib

from PIL import Image


def small_jpeg(width=16, height=16, exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), "navy")
    if exif is None:
        image.save(buffer, "JPEG")
    else:
        image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def jpeg_claiming(width, height):
    """A valid small JPEG whose frame header (SOF0) claims `width` x `height` pixels."""
    data = bytearray(small_jpeg())
    sof = data.index(b"\xff\xc0")
    # SOF0: marker(2) length(2) precision(1) height(2) width(2)
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _png_chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def png_bomb(width=10_000, height=10_000):
    """A real, complete greyscale PNG of `width` x `height` black pixels: a few hundred KB
    of zlib that inflates to width*height bytes."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)  # filter byte + one byte per pixel
    chunks = [compressor.compress(row) for _ in range(height)]
    chunks.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", b"".join(chunks))
        + _png_chunk(b"IEND", b"")
    )


def animated_webp(frames=3, size=(8, 8)):
    images = [Image.new("RGB", size, (40 * n % 256, 0, 0)) for n in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "WEBP", save_all=True, append_images=images[1:], duration=100)
    return buffer.getvalue()


def heic_header():
    """The first bytes of an iPhone HEIC photo (ftyp box, brand heic)."""
    return b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def gif_image():
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, "GIF")
    return buffer.getvalue()
