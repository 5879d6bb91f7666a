"""How many review messages wait in the broker, read the same way on Redis and on RabbitMQ."""

from amqp.exceptions import ChannelError


def waiting_messages() -> int:
    """Messages waiting in the review queue, not counting those a worker holds unacked.

    A passive declare reads the count without creating the queue (RabbitMQ answers with the
    quorum queue's count, kombu's Redis transport with the list's length).

    Raises:
        OperationalError, RedisError, OSError: the broker is down (enqueue.BROKER_ERRORS).
    """
    # Imported on first use, as in enqueue: the app reads the broker URL when it is built.
    from review_app.work_queue.celery_app import celery_app

    with celery_app.connection_for_read() as connection:
        connection.ensure_connection(max_retries=1, interval_start=0)
        with connection.channel() as channel:
            try:
                declared = channel.queue_declare(
                    queue=celery_app.conf.task_default_queue, passive=True
                )
            except ChannelError as error:
                # Never declared, so nothing ever waited in it. kombu's Redis transport
                # raises this with the code in its text only.
                if "NOT_FOUND" in str(error):
                    return 0
                raise
    return declared.message_count
