"""Who a piece of content is for: one vocabulary for knowledge-base answers and outreach
events. Stored values are English slugs like every other choice; the Indonesian slugs the
knowledge-base import files and older public links carry map onto them here, and only here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    RESIDENTS = "residents", _("Residents")
    STUDENTS = "students", _("Students")
    TEACHERS = "teachers", _("Teachers")
    YOUTH = "youth", _("Young people")
    SCHOOLS = "schools", _("Schools")
    BUSINESSES = "businesses", _("Businesses")
    WOMEN = "women", _("Women")
    DISABILITY = "disability", _("People with disabilities")


# The Indonesian slug of each audience: what the import files carry and what the event
# filter's links said until the values became English (`?audience=pelajar`).
INDONESIAN_SLUGS = {
    Audience.EVERYONE: "semua",
    Audience.RESIDENTS: "warga",
    Audience.STUDENTS: "pelajar",
    Audience.TEACHERS: "guru",
    Audience.YOUTH: "pemuda",
    Audience.SCHOOLS: "sekolah",
    Audience.BUSINESSES: "pelaku-usaha",
    Audience.WOMEN: "perempuan",
    Audience.DISABILITY: "difabel",
}
FROM_INDONESIAN = {slug: audience.value for audience, slug in INDONESIAN_SLUGS.items()}
