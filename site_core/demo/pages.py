"""Building blocks for every app's demo loader: create a page once, translate it once."""


def publish(page):
    page.save_revision().publish()
    return page


def ensure_child(parent, model, slug, **fields):
    """The child page with this slug, created and published if missing: (page, created)."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page), True


def ensure_translation(page, locale, **fields):
    """The page's translation in `locale`, created from the source and given its own words."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translated = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        if name == "tags":
            translated.tags.set(value)
        else:
            setattr(translated, name, value)
    translated.save()
    return publish(translated)
