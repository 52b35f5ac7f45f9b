-- 009: read state per person (postgres). notifications.read_at stays for rows read before this migration
-- (then one click marked a notice read for the whole unit); new reads are rows here.

create table notification_reads (
    notification_id bigint not null references notifications(id) on delete cascade,
    user_id bigint not null references users(id) on delete cascade,
    read_at timestamptz not null,
    primary key (notification_id, user_id)
);

create index ix_notification_reads_user_id on notification_reads (user_id);
