"""Load the sample knowledge base: Indonesian answers and their English translations.

Idempotent by `source_id`: an answer that exists (in that locale) is left as editors
made it, so running it again changes nothing.
"""

import datetime
import html
import json
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

from tqdm import tqdm

from search.models import AnswerCategory, AnswerPage, KnowledgeBaseIndexPage
from site_core.audiences import FROM_INDONESIAN, Audience
from site_core.demo.links import add_home_link, add_to_main_menu
from site_core.models import HomePage, WorkUnit


def audience_from_import(slug):
    """The import files name audiences by their Indonesian slugs (the stored English value
    is taken too); a row without one is for everyone."""
    if not slug:
        return Audience.EVERYONE
    value = FROM_INDONESIAN.get(slug, slug)
    if value not in Audience.values:
        raise CommandError(f"Unknown audience {slug!r}: use one of {sorted(FROM_INDONESIAN)}.")
    return value


DEFAULT_PATH = "search/data/knowledge_base/"
STEP_RE = re.compile(r"^\s*(\d+)[.)]\s+(.*)$")
SHORT_ANSWER_CHARS = 300

CATEGORY_NAMES = {
    "air-bersih": "Air bersih",
    "disabilitas": "Disabilitas",
    "infrastruktur": "Infrastruktur",
    "kependudukan": "Kependudukan",
    "kesehatan": "Kesehatan",
    "ketenagakerjaan": "Ketenagakerjaan",
    "ketertiban": "Ketertiban umum",
    "lingkungan": "Lingkungan",
    "pajak-daerah": "Pajak daerah",
    "pendidikan": "Pendidikan",
    "pengaduan-lapor": "Pengaduan dan LAPOR!",
    "perizinan": "Perizinan",
    "perlindungan-perempuan-anak": "Perlindungan perempuan dan anak",
    "program-sosialisasi": "Program sosialisasi",
    "sosial": "Sosial",
    "transportasi": "Transportasi",
    # The English sample's slugs.
    "civil-registration": "Civil registration",
    "clean-water": "Clean water",
    "complaints-lapor": "Complaints and LAPOR!",
    "disability": "Disability",
    "education": "Education",
    "employment": "Employment",
    "environment": "Environment",
    "health": "Health",
    "infrastructure": "Infrastructure",
    "local-tax": "Local taxes",
    "outreach-programs": "Outreach programs",
    "permits-licensing": "Permits and licensing",
    "public-order": "Public order",
    "social-welfare": "Social welfare",
    "transportation": "Transportation",
    "women-child-protection": "Protection of women and children",
}


def category_name(slug):
    return CATEGORY_NAMES.get(slug, slug.replace("-", " ").capitalize())


INDEX = {
    "id": {
        "title": "Tanya Jawab",
        "slug": "tanya-jawab",
        "introduction": (
            "Jawaban atas pertanyaan yang sering diajukan warga tentang layanan publik."
        ),
    },
    "en": {
        "title": "Questions and answers",
        "slug": "questions-and-answers",
        "introduction": ("Answers to the questions residents often ask about public services."),
    },
}


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def answer_html(text):
    """Plain answer text as rich text: numbered lines become a list, others paragraphs."""
    parts, steps = [], []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        step = STEP_RE.match(line)
        if step:
            steps.append(f"<li>{html.escape(step.group(2))}</li>")
            continue
        if steps:
            parts.append("<ol>" + "".join(steps) + "</ol>")
            steps = []
        parts.append(f"<p>{html.escape(line)}</p>")
    if steps:
        parts.append("<ol>" + "".join(steps) + "</ol>")
    return "".join(parts)


def short_answer(text):
    """The first sentence or two of the answer, for results and listings."""
    plain = " ".join(STEP_RE.sub(r"\2", line) for line in text.splitlines() if line.strip())
    if len(plain) <= SHORT_ANSWER_CHARS:
        return plain
    cut = plain[:SHORT_ANSWER_CHARS]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > 80 else cut.rsplit(" ", 1)[0] + " …"


class Command(BaseCommand):
    help = "Import the knowledge base sample (faq_id.jsonl, faq_en.jsonl) as answer pages."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            default=None,
            help="Folder with faq_id.jsonl and faq_en.jsonl (relative to the project root).",
        )
        parser.add_argument("--limit", type=int, default=None, help="Import only the first N.")

    def handle(self, *args, path, limit, **options):
        given = path is not None
        folder = Path(path or getattr(settings, "KNOWLEDGE_BASE_DATA", DEFAULT_PATH))
        if not folder.is_absolute():
            folder = (Path(settings.BASE_DIR) / folder).resolve()
        if not (folder / "faq_id.jsonl").exists():
            if given:
                raise CommandError(f"No faq_id.jsonl in {folder}")
            # The demo loader must not fail on a checkout without the sample data.
            self.stderr.write(f"Knowledge base sample not found in {folder}: skipped.")
            return
        rows_id = read_jsonl(folder / "faq_id.jsonl")[:limit]
        rows_en = read_jsonl(folder / "faq_en.jsonl") if (folder / "faq_en.jsonl").exists() else []
        with transaction.atomic():
            created = self.import_rows(rows_id, rows_en)
            index = KnowledgeBaseIndexPage.objects.filter(locale__language_code="id").first()
            if index is not None:
                add_home_link(
                    index,
                    "Cari jawaban",
                    "Cara mengurus layanan kota, dari KTP hingga perizinan.",
                    "Find an answer",
                    "How to use city services, from ID cards to permits.",
                )
        self.stdout.write(
            f"Knowledge base: {created['id']} Indonesian and {created['en']} English answers "
            f"created ({AnswerPage.objects.count()} in total)."
        )

    def import_rows(self, rows_id, rows_en):
        id_locale = Locale.objects.get_or_create(language_code="id")[0]
        en_locale = Locale.objects.filter(language_code="en").first()
        home = HomePage.objects.filter(locale=id_locale).order_by("depth", "pk").first()
        if home is None:
            raise CommandError("No Indonesian home page: run load_demo first.")
        index = self.ensure_index(home)
        en_by_id = {row["id"]: row for row in rows_en}
        en_category = {}
        for row in rows_id:
            if row["id"] in en_by_id:
                en_category.setdefault(row["category"], en_by_id[row["id"]]["category"])
        units = {unit.short_name: unit for unit in WorkUnit.objects.all()}
        categories = {}
        created = {"id": 0, "en": 0}
        index_en = None
        existing = set(
            AnswerPage.objects.filter(locale=id_locale).values_list("source_id", flat=True)
        )
        progress = tqdm(rows_id, desc="answers", unit="answer", disable=None, file=self.stderr)
        for row in progress:
            slug = row["category"]
            if slug not in categories:
                categories[slug] = self.ensure_category(slug, id_locale)
            if row["id"] in existing:
                page = AnswerPage.objects.get(locale=id_locale, source_id=row["id"])
            else:
                page = self.create_answer(index, row, categories[slug], units)
                created["id"] += 1
            english = en_by_id.get(row["id"])
            if english and en_locale and not page.has_translation(en_locale):
                if index_en is None:
                    index_en = self.ensure_index_translation(index, en_locale)
                category = self.ensure_category_translation(
                    categories[slug], en_locale, en_category.get(slug, slug)
                )
                self.translate_answer(page, en_locale, english, category)
                created["en"] += 1
        return created

    def ensure_index(self, home):
        index = KnowledgeBaseIndexPage.objects.child_of(home).first()
        if index:
            return index
        index = KnowledgeBaseIndexPage(**INDEX["id"])
        home.add_child(instance=index)
        index.save_revision().publish()
        site = home.get_site()
        if site is not None:
            add_to_main_menu(site, index)
        return index

    def ensure_index_translation(self, index, locale):
        existing = index.get_translation_or_none(locale)
        if existing:
            return existing.specific
        translated = index.copy_for_translation(locale, copy_parents=True).specific
        for name, value in INDEX["en"].items():
            setattr(translated, name, value)
        translated.save()
        translated.save_revision().publish()
        return translated

    def ensure_category(self, slug, locale):
        category = AnswerCategory.objects.filter(locale=locale, slug=slug).first()
        return category or AnswerCategory.objects.create(
            locale=locale, slug=slug, name=category_name(slug)
        )

    def ensure_category_translation(self, category, locale, slug):
        existing = category.get_translation_or_none(locale)
        if existing:
            return existing
        translated = category.copy_for_translation(locale)
        translated.slug = slug
        translated.name = category_name(slug)
        translated.save()
        return translated

    def create_answer(self, index, row, category, units):
        unit = units.get(row["unit"])
        if unit is None and row.get("unit"):
            unit = WorkUnit.objects.filter(name=row["unit"]).first() or WorkUnit.objects.create(
                name=row["unit"], short_name=row["unit"]
            )
            units[row["unit"]] = unit
        page = AnswerPage(
            title=row["question"],
            slug=slugify(f"{row['id']} {row['question']}")[:80].rstrip("-"),
            short_answer=short_answer(row["answer"]),
            body=[("paragraph", answer_html(row["answer"]))],
            category=category,
            unit=unit,
            audience=audience_from_import(row.get("audience")),
            source_id=row["id"],
            last_reviewed=datetime.date.today(),
        )
        page.tags.set(row.get("tags", []))
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    def translate_answer(self, page, locale, row, category):
        translated = page.copy_for_translation(locale).specific
        translated.title = row["question"]
        translated.slug = slugify(f"{row['id']} {row['question']}")[:80].rstrip("-")
        translated.short_answer = short_answer(row["answer"])
        translated.body = [("paragraph", answer_html(row["answer"]))]
        translated.category = category
        translated.tags.set(row.get("tags", []))
        translated.save()
        translated.save_revision().publish()
        return translated
