-- 003: time limits, notifications, accountability leads and supervision orders (sqlite).

alter table appeals add column dispatched_at integer;
alter table appeals add column claimed_at integer;
alter table appeals add column contacted_at integer;
alter table appeals add column next_check_at integer;
alter table appeals add column deadlines_provisional integer not null default 0;

create table time_limit_policies (
    id integer primary key autoincrement,
    tier text not null,
    type text,
    stage text not null,
    amount integer not null,
    unit text not null,
    effective_from integer not null,
    note text
);

create table settings (
    key text primary key,
    value text not null
);

create table calendar_days (
    date text primary key,
    is_working_day integer not null,
    name text
);

create table notifications (
    id integer primary key autoincrement,
    key text not null unique,
    kind text not null,
    audience text not null,
    unit_id integer references units(id),
    appeal_id integer references appeals(id),
    stage text,
    title text not null,
    body text not null,
    due_at integer,
    created_at integer not null,
    sent_at integer,
    read_at integer
);

create table accountability_leads (
    id integer primary key autoincrement,
    key text not null unique,
    rule text not null,
    appeal_id integer not null references appeals(id),
    unit_id integer references units(id),
    summary text not null,
    evidence_appeal_ids text not null,
    evidence_timeline_ids text not null,
    status text not null,
    measure text,
    decision text,
    decided_by text,
    decided_at integer,
    published_by text,
    published_at integer,
    created_at integer not null,
    version integer not null
);

create table supervision_orders (
    id integer primary key autoincrement,
    appeal_id integer not null references appeals(id),
    kind text not null,
    instruction text not null,
    due_at integer not null,
    issued_by text not null,
    issuer_role text not null,
    created_at integer not null
);

create index ix_appeals_sign_for_due on appeals (sign_for_due);
create index ix_appeals_first_contact_due on appeals (first_contact_due);
create index ix_appeals_reply_due on appeals (reply_due);
create index ix_appeals_resolve_due on appeals (resolve_due);
create index ix_notifications_sent_at on notifications (sent_at);
create index ix_notifications_unit_id on notifications (unit_id);
create index ix_notifications_appeal_id on notifications (appeal_id);
create index ix_accountability_leads_status on accountability_leads (status);
create index ix_supervision_orders_appeal_id on supervision_orders (appeal_id);
create index ix_appeals_next_check_at on appeals (next_check_at);
