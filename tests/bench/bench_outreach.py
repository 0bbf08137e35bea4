"""Outreach figures: registrations per second, and a burst of parallel registrations for
a few seats (exactly the seats are confirmed, everyone else waitlisted)."""

import threading
import time

from django.db import connection, connections

import pytest

from outreach import registrations
from outreach.models import Registration, RegistrationStatus
from tests.bench.results import record
from tests.outreach.factories import (
    EventPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SEQUENTIAL = 300
BURST_PEOPLE = 40
BURST_SEATS = 10


@pytest.fixture
def program(home):
    index = ProgramIndexPageFactory(parent=home)
    return ProgramPageFactory(parent=index, slug="bench")


def test_registrations_per_second(program):
    event = EventPageFactory(parent=program, slug="banyak", capacity=SEQUENTIAL // 2)
    started = time.perf_counter()
    for n in range(SEQUENTIAL):
        registrations.register(event, name=f"Peserta {n}", email=f"p{n}@example.org")
    elapsed = time.perf_counter() - started
    rate = SEQUENTIAL / elapsed
    print(  # noqa: T201 - a benchmark prints its figures
        f"\noutreach: {SEQUENTIAL} registrations (half waitlisted, mail sent inline) on "
        f"{connection.vendor}: {elapsed:.2f} s, {rate:.0f} registrations/s"
    )
    record("outreach.registrations_per_second", round(rate, 1))
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == (
        SEQUENTIAL // 2
    )


def test_burst_of_parallel_registrations_for_few_seats(program):
    event = EventPageFactory(parent=program, slug="rebutan", capacity=BURST_SEATS)
    barrier = threading.Barrier(BURST_PEOPLE)
    errors = []

    def worker(n):
        try:
            barrier.wait(timeout=30)
            registrations.register(event, name=f"Peserta {n}", email=f"b{n}@example.org")
        except Exception as error:  # noqa: BLE001 - counted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(BURST_PEOPLE)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - started
    confirmed = Registration.objects.filter(event=event, status="confirmed").count()
    waitlisted = Registration.objects.filter(event=event, status="waitlisted").count()
    print(  # noqa: T201 - a benchmark prints its figures
        f"\noutreach: burst of {BURST_PEOPLE} parallel registrations for {BURST_SEATS} seats on "
        f"{connection.vendor}: {confirmed} confirmed, {waitlisted} waitlisted, "
        f"{len(errors)} errors, {elapsed:.2f} s"
    )
    record("outreach.burst_people", BURST_PEOPLE)
    record("outreach.burst_seats", BURST_SEATS)
    record("outreach.burst_confirmed", confirmed)
    record("outreach.burst_waitlisted", waitlisted)
    record("outreach.burst_seconds", round(elapsed, 3))
    assert errors == []
    assert confirmed == BURST_SEATS
    assert waitlisted == BURST_PEOPLE - BURST_SEATS
