"""Who a piece of content is for: one vocabulary for knowledge-base answers and outreach
events. The values are the Indonesian slugs the knowledge-base import files carry."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    EVERYONE = "semua", _("Everyone")
    RESIDENTS = "warga", _("Residents")
    STUDENTS = "pelajar", _("Students")
    TEACHERS = "guru", _("Teachers")
    YOUTH = "pemuda", _("Young people")
    SCHOOLS = "sekolah", _("Schools")
    BUSINESSES = "pelaku-usaha", _("Businesses")
    WOMEN = "perempuan", _("Women")
    DISABILITY = "difabel", _("People with disabilities")
