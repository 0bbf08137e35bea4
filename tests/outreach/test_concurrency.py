"""Two people can never take the last seat: parallel registrations from threads, each with
its own database connection. On PostgreSQL the event row lock serialises them; SQLite
serialises writers itself (a writer that finds the database locked retries)."""

import threading

from django.db import connections

import pytest

from outreach import registrations
from outreach.models import Registration, RegistrationStatus
from tests.outreach.factories import EventPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def register_in_parallel(event, count):
    barrier = threading.Barrier(count)
    errors = []

    def worker(n):
        try:
            barrier.wait(timeout=30)
            registrations.register(event, name=f"Peserta {n}", email=f"p{n}@example.org")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.parametrize(("people", "seats"), [(12, 1), (16, 5)])
def test_parallel_registrations_never_overbook(school_program, people, seats):
    event = EventPageFactory(parent=school_program, slug="rebutan", capacity=seats)
    errors = register_in_parallel(event, people)
    assert errors == []
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == seats
    assert statuses.count(RegistrationStatus.WAITLISTED) == people - seats
