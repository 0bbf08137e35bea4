"""A small generated illustration, so the demo needs no files from outside."""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image, ImageDraw


def hero_image(title="LAPOR! hero illustration"):
    Picture = get_image_model()
    existing = Picture.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = Image.new("RGB", (1200, 750), "#dbe8f3")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 560, 1200, 750), fill="#0b4f8a")
    draw.rounded_rectangle((470, 120, 730, 620), radius=36, fill="#1b1b1b")
    draw.rounded_rectangle((490, 160, 710, 560), radius=12, fill="#ffffff")
    for row, width in enumerate((180, 140, 170, 110)):
        top = 200 + row * 60
        draw.rounded_rectangle((510, top, 510 + width, top + 24), radius=8, fill="#0b4f8a")
    draw.ellipse((820, 140, 960, 280), fill="#b3261e")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return Picture.objects.create(title=title, file=ImageFile(buffer, name="lapor-hero.png"))
