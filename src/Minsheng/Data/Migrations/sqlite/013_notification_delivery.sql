-- 013: each notification is delivered on its own (sqlite). A failed hand-off to the senders counts an attempt,
-- keeps the last error and waits until next_attempt_at; after Monitor:MaxDeliveryAttempts failures the row is
-- parked (parked_at) and no longer blocks or is retried. Times are unix milliseconds like the other columns.

alter table notifications add column delivery_attempts integer not null default 0;
alter table notifications add column next_attempt_at integer;
alter table notifications add column last_error text;
alter table notifications add column parked_at integer;

-- The delivery loop reads the few rows still to send, oldest first.
create index ix_notifications_pending on notifications (id) where sent_at is null and parked_at is null;
