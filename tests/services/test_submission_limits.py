"""Submission limits fit editing (cached answers free), one address is capped across accounts,
and identical submissions in flight share one run."""

import uuid

import pytest

from review_app.db import session_scope
from review_app.services.accounts import users as accounts
from review_app.services.errors import RateLimitedError
from review_app.services.live_channel import user_channel
from review_app.services.reviews import runs as review_runs
from review_app.services.reviews import submissions as reviews
from support.pubsub import listening, read_events

CELERY_QUEUE = "celery"
ADDRESS = "203.0.113.7"


def _code(number: int) -> str:
    return f"def add_{number}(a, b):\n    return a + b\n"


def _other_user(email: str) -> uuid.UUID:
    with session_scope() as session:
        return accounts.create_user(
            session=session, email=email, password="correct horse battery"
        ).id


def _submit(user_id: uuid.UUID, code: str, client_ip: str | None = ADDRESS):
    return reviews.submit_review(user_id=user_id, language="python", code=code, client_ip=client_ip)


def _run(review_id: uuid.UUID) -> None:
    assert review_runs.run_attempt(review_runs.start_attempt(review_id)) is True


def test_cached_resubmissions_are_free_and_the_refusal_names_the_limit(
    user_id: uuid.UUID, set_env
) -> None:
    set_env(RATE_LIMIT_SUBMIT="2/hour")
    _run(_submit(user_id, _code(1)).id)
    for _ in range(5):  # iterating on code already reviewed costs nothing
        assert _submit(user_id, _code(1)).cached is True
    _submit(user_id, _code(2))

    with pytest.raises(RateLimitedError) as refused:
        _submit(user_id, _code(3))
    assert "reviews queued" in str(refused.value)
    assert "2 per hour" in str(refused.value)


def test_one_address_is_capped_across_accounts(user_id: uuid.UUID, set_env) -> None:
    set_env(RATE_LIMIT_SUBMIT="50/hour", RATE_LIMIT_SUBMIT_IP="3/hour")
    second_account = _other_user("grace@example.com")
    _submit(user_id, _code(1))
    _submit(user_id, _code(2))
    _submit(second_account, _code(3))

    with pytest.raises(RateLimitedError) as refused:
        _submit(second_account, _code(4))
    assert "from this address" in str(refused.value)
    assert "3 per hour" in str(refused.value)
    _submit(second_account, _code(4), client_ip="198.51.100.9")  # another address still may


def test_a_refusal_by_address_uses_none_of_the_users_quota(user_id: uuid.UUID, set_env) -> None:
    set_env(RATE_LIMIT_SUBMIT="2/hour", RATE_LIMIT_SUBMIT_IP="1/hour")
    _submit(user_id, _code(1))
    for _ in range(3):
        with pytest.raises(RateLimitedError):
            _submit(user_id, _code(2))
    _submit(user_id, _code(2), client_ip="198.51.100.9")


def test_identical_submissions_in_flight_follow_the_first_run(
    user_id: uuid.UUID, redis_client
) -> None:
    second_account = _other_user("grace@example.com")
    leader = _submit(user_id, _code(1))
    followers = [_submit(user_id, _code(1)).id, _submit(second_account, _code(1)).id]
    assert redis_client.llen(CELERY_QUEUE) == 1  # one run queued for three submissions

    pubsub = redis_client.pubsub()
    pubsub.subscribe(user_channel(second_account))
    listening(pubsub)
    _run(leader.id)

    events = read_events(pubsub, until=lambda event: event.get("status") == "completed")
    assert events[-1][1]["review_id"] == str(followers[1])
    expected = reviews.get_review(user_id=user_id, review_id=leader.id).result.findings
    for follower_id, owner in zip(followers, (user_id, second_account), strict=True):
        detail = reviews.get_review(user_id=owner, review_id=follower_id)
        assert detail.status == "completed"
        assert detail.result.findings == expected
    assert review_runs.start_attempt(followers[0]) is None  # never run on their own


def test_followers_of_a_failed_run_are_queued_to_run_on_their_own(
    user_id: uuid.UUID, redis_client
) -> None:
    leader = _submit(user_id, _code(1))
    follower = _submit(user_id, _code(1))
    assert redis_client.llen(CELERY_QUEUE) == 1

    review_runs.fail_review(leader.id, "the worker ran out of memory")
    assert redis_client.llen(CELERY_QUEUE) == 2
    _run(follower.id)
    assert reviews.get_review(user_id=user_id, review_id=follower.id).status == "completed"
