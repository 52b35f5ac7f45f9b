-- 013: each notification is delivered on its own (postgres). A failed hand-off to the senders counts an attempt,
-- keeps the last error and waits until next_attempt_at; after Monitor:MaxDeliveryAttempts failures the row is
-- parked (parked_at) and no longer blocks or is retried.

alter table notifications add column delivery_attempts integer not null default 0;
alter table notifications add column next_attempt_at timestamptz;
alter table notifications add column last_error text;
alter table notifications add column parked_at timestamptz;

-- The delivery loop reads the few rows still to send, oldest first.
create index ix_notifications_pending on notifications (id) where sent_at is null and parked_at is null;
