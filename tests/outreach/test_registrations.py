"""Registration: seats, waitlist, cancellation with promotion, guardian consent, mail."""

import datetime

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from outreach import links, registrations
from outreach.models import EventStatus, Registration, RegistrationStatus

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Siti Aminah",
        "affiliation": "SMAN 2 Banjarbaru, XI IPA 1",
        "phone": "0812-3456-7890",
        "email": "siti@example.org",
        "under_18": "no",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def register_url(event):
    return event.url + event.reverse_subpage("register")


def test_registration_confirms_sends_mail_and_shows_the_ticket(client, event, commit):
    with commit():
        response = client.post(register_url(event), form_data())
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.phone == "+6281234567890"
    assert len(mail.outbox) == 1
    assert registration.check_in_code in mail.outbox[0].body
    assert mail.outbox[0].to == ["siti@example.org"]
    ticket = client.get(response["Location"])
    html = ticket.content.decode()
    assert registration.check_in_code in html
    assert "<svg" in html


def test_seats_fill_then_people_are_waitlisted(event, person, commit):
    with commit():
        first = registrations.register(event, **person)
        second = registrations.register(event, **person)
        third = registrations.register(event, **person)
    assert [first.status, second.status, third.status] == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ]
    assert event.seat_counts() == {"capacity": 2, "confirmed": 2, "waitlisted": 1, "remaining": 0}
    assert mail.outbox[-1].subject == f"Anda masuk daftar tunggu: {event.title}"
    assert mail.outbox[-1].to == [person["email"]]


def test_cancelling_a_seat_promotes_the_first_person_waiting_and_mails_them(event, person, commit):
    first = registrations.register(event, **person)
    registrations.register(event, **person)
    waiting = registrations.register(event, **{**person, "email": "wait1@example.org"})
    later = registrations.register(event, **{**person, "email": "wait2@example.org"})
    mail.outbox.clear()
    with commit():
        promoted = registrations.cancel(first)
    assert promoted.pk == waiting.pk
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert later.status == RegistrationStatus.WAITLISTED
    recipients = [m.to[0] for m in mail.outbox]
    assert "wait1@example.org" in recipients
    assert "wait2@example.org" not in recipients


def test_cancel_link_asks_before_cancelling_and_then_cancels(client, event, person):
    registration = registrations.register(event, **person)
    token = links.REGISTRATION_LINK.token(registration)
    url = reverse("outreach:cancel_registration", args=[token])
    assert client.get(url).status_code == 200
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_tampered_token_is_not_found(client):
    assert client.get(reverse("outreach:ticket", args=["1:forged"])).status_code == 404


def test_under_18_needs_guardian_name_contact_and_consent(client, event, commit):
    response = client.post(register_url(event), form_data(under_18="yes"))
    assert response.status_code == 400
    html = response.content.decode()
    for message in (
        "Di bawah 18 tahun: masukkan nama orang tua atau wali.",
        "Di bawah 18 tahun: masukkan nomor telepon atau surel orang tua atau wali.",
        "Di bawah 18 tahun: orang tua atau wali harus menyetujui.",
    ):
        assert message in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_guardian_name_error"' in html
    assert not Registration.objects.exists()
    with commit():
        response = client.post(
            register_url(event),
            form_data(
                under_18="yes",
                guardian_name="Ibu Aminah",
                guardian_contact="ibu@example.org",
                guardian_consent="on",
            ),
        )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.under_18 and registration.guardian_consent_at is not None
    assert sorted(mail.outbox[0].to) == ["ibu@example.org", "siti@example.org"]


def test_date_of_birth_must_match_the_age_answer(client, event):
    dob = timezone.localdate().replace(year=timezone.localdate().year - 15)
    response = client.post(register_url(event), form_data(date_of_birth=dob.isoformat()))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_phone_or_email_is_required(client, event):
    response = client.post(register_url(event), form_data(phone="", email=""))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_honeypot_rejects_bots(client, event):
    response = client.post(register_url(event), form_data(website="http://spam"))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_no_registration_outside_the_window_or_for_cancelled_events(event, person):
    event.registration_opens = timezone.now() + datetime.timedelta(days=1)
    event.save()
    with pytest.raises(registrations.RegistrationClosed):
        registrations.register(event, **person)
    event.registration_opens = None
    event.status = EventStatus.CANCELLED
    event.save()
    with pytest.raises(registrations.RegistrationClosed):
        registrations.register(event, **person)


def test_english_registrations_share_the_indonesian_seats(event, person, home_en, locales, commit):
    index_en = event.get_parent().get_parent().copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    program_en = event.get_parent().copy_for_translation(locales["en"])
    program_en.save_revision().publish()
    event_en = event.copy_for_translation(locales["en"]).specific
    event_en.save_revision().publish()
    event_en.title = "Outreach session"
    event_en.save_revision().publish()
    with translation.override("en"), commit():
        registrations.register(event_en, **person)
    registrations.register(event, **person)
    with translation.override("en"):
        third = registrations.register(event_en, **person)
    assert third.status == RegistrationStatus.WAITLISTED
    assert Registration.objects.filter(event=event).count() == 3
    assert "Outreach session" in mail.outbox[0].subject  # mail in the registrant's language


def test_certificate_only_after_attendance_at_a_held_event(client, event, person, admin_user):
    registration = registrations.register(event, **person)
    token = links.REGISTRATION_LINK.token(registration)
    url = reverse("outreach:certificate", args=[token])
    assert client.get(url).status_code == 403
    registrations.check_in(registration, admin_user)
    assert client.get(url).status_code == 403  # not held yet
    event.status = EventStatus.HELD
    event.save()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    registration.refresh_from_db()
    assert registration.certificate_code.startswith("LPR-")


def test_certificate_code_is_verified_on_the_public_page(client, event, person, admin_user):
    registration = registrations.register(event, **person)
    registrations.check_in(registration, admin_user)
    event.status = EventStatus.HELD
    event.save()
    registration.refresh_from_db()
    code = registrations.issue_certificate(registration)
    index = event.get_parent().get_parent().specific
    verify = index.subpage_url("verify_certificate")
    html = client.get(verify, {"kode": code.lower()}).content.decode()
    assert "Budi" in html
    html = client.get(verify, {"kode": "LPR-NOTREAL00"}).content.decode()
    assert "Budi" not in html


def test_check_in_happens_once(event, person, admin_user):
    registration = registrations.register(event, **person)
    assert registrations.check_in(registration, admin_user) is True
    assert registrations.check_in(registration, admin_user) is False


def test_reminder_command_mails_tomorrows_attendees_once(event, person, commit):
    from django.core.management import call_command

    event.start = timezone.now() + datetime.timedelta(hours=20)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save()
    registrations.register(event, **person)
    mail.outbox.clear()
    call_command("send_event_reminders")
    call_command("send_event_reminders")
    assert len(mail.outbox) == 1
    assert event.title in mail.outbox[0].subject


def test_old_contact_details_are_erased_but_certificates_stay_verifiable(event, person, admin_user):
    from django.core.management import call_command

    registration = registrations.register(
        event, **person, phone="+6281234567890", guardian_contact="ibu@example.org"
    )
    registrations.check_in(registration, admin_user)
    event.status = EventStatus.HELD
    event.save()
    registration.refresh_from_db()
    code = registrations.issue_certificate(registration)
    call_command("purge_personal_data")
    registration.refresh_from_db()
    assert registration.email  # the event is recent: nothing erased yet
    EventPage = type(event)
    EventPage.objects.filter(pk=event.pk).update(
        start=timezone.now() - datetime.timedelta(days=400),
        end=timezone.now() - datetime.timedelta(days=400),
    )
    call_command("purge_personal_data")
    registration.refresh_from_db()
    assert (registration.email, registration.phone, registration.guardian_contact) == ("", "", "")
    assert registrations.verify_certificate(code).name == "Budi"


def test_english_certificate_check_names_the_event_in_english(
    client, event, person, admin_user, home_en, locales
):
    registration = registrations.register(event, **person)
    registrations.check_in(registration, admin_user)
    event.status = EventStatus.HELD
    event.save()
    registration.refresh_from_db()
    code = registrations.issue_certificate(registration)
    event_en = event.copy_for_translation(locales["en"], copy_parents=True).specific
    event_en.title = "Anti-corruption talk"
    event_en.save_revision().publish()
    index_en = event_en.get_parent().get_parent().specific  # an alias, live
    html = client.get(index_en.subpage_url("verify_certificate"), {"code": code}).content.decode()
    assert '<html lang="en"' in html
    assert "attended Anti-corruption talk on" in html
    assert event.title not in html


def test_event_page_shows_each_registration_and_cancellation_on_the_next_request(
    client, event, person, commit
):
    """The seat counts are cached (outreach.seats) and dropped by every registration."""
    event.save_revision().publish()
    assert "Tersisa 2 dari 2" in client.get(event.url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(event.url)
    assert not [q for q in queries if "outreach_registration" in q["sql"]]
    with commit():
        first = registrations.register(event, **person)
    assert "Tersisa 1 dari 2" in client.get(event.url).content.decode()
    with commit():
        registrations.register(event, **{**person, "email": "ani@example.org"})
        registrations.register(event, **{**person, "email": "citra@example.org"})
    html = client.get(event.url).content.decode()
    assert "Tersisa 0 dari 2 · 1 orang dalam daftar tunggu" in html
    with commit():
        registrations.cancel(first)  # the person waiting takes the seat
    html = client.get(event.url).content.decode()
    assert "Tersisa 0 dari 2</dd>" in html
