-- 001: the appeal lifecycle schema (sqlite). Timestamps are unix milliseconds (UTC).

create table units (
    id integer primary key autoincrement,
    code text not null unique,
    name text not null,
    kind text not null,
    parent_id integer references units(id),
    path text not null,
    phone text,
    active integer not null
);

create table categories (
    id integer primary key autoincrement,
    code text not null unique,
    name text not null,
    parent_id integer references categories(id),
    active integer not null
);

create table users (
    id integer primary key autoincrement,
    username text not null unique,
    display_name text not null,
    password_hash text not null,
    role text not null,
    unit_id integer not null references units(id),
    failed_logins integer not null,
    locked_until integer,
    active integer not null,
    security_stamp text not null,
    created_at integer not null
);

create table appeals (
    id integer primary key autoincrement,
    number text not null unique,
    query_code text not null,
    channel text not null,
    type text not null,
    category_id integer references categories(id),
    tier text not null,
    title text not null,
    content text not null,
    region_unit_id integer references units(id),
    address text,
    latitude real,
    longitude real,
    citizen_name text,
    citizen_phone text,
    citizen_address text,
    subject_unit_id integer references units(id),
    status text not null,
    lead_unit_id integer references units(id),
    sign_for_due integer,
    first_contact_due integer,
    reply_due integer,
    resolve_due integer,
    extension_used integer not null,
    pending_extension_days integer,
    pending_extension_reason text,
    return_reason text,
    return_count integer not null,
    redo_count integer not null,
    callback_attempts integer not null,
    callback_outcome text,
    resolved integer,
    unit_at_fault integer,
    reply_draft text,
    reply text,
    replied_at integer,
    closed_at integer,
    close_reason text,
    merged_into_id integer references appeals(id),
    created_at integer not null,
    updated_at integer not null,
    created_by_user_id integer,
    version integer not null
);

create table appeal_co_units (
    appeal_id integer not null references appeals(id) on delete cascade,
    unit_id integer not null references units(id),
    primary key (appeal_id, unit_id)
);

create table timeline_entries (
    id integer primary key autoincrement,
    appeal_id integer not null references appeals(id) on delete cascade,
    at integer not null,
    actor_user_id integer,
    actor_name text not null,
    actor_role text,
    actor_unit_id integer,
    action text not null,
    from_status text,
    to_status text not null,
    comment text,
    is_public integer not null
);

create table attachments (
    id integer primary key autoincrement,
    appeal_id integer not null references appeals(id) on delete cascade,
    file_name text not null,
    content_type text not null,
    size integer not null,
    storage_key text not null
);

create table number_sequences (
    day text primary key,
    last_value integer not null
);

create table audit_log (
    id integer primary key autoincrement,
    at integer not null,
    actor text not null,
    action text not null,
    entity text not null,
    entity_id text,
    detail text,
    prev_hash text not null,
    hash text not null
);

create table access_log (
    id integer primary key autoincrement,
    at integer not null,
    user_id integer not null,
    username text not null,
    appeal_id integer not null references appeals(id),
    reason text not null
);

create table data_protection_keys (
    id integer primary key autoincrement,
    friendly_name text,
    xml text not null
);

create index ix_appeals_status on appeals (status);
create index ix_appeals_lead_unit_id on appeals (lead_unit_id);
create index ix_appeals_region_unit_id on appeals (region_unit_id);
create index ix_appeals_created_at on appeals (created_at);
create index ix_appeals_citizen_phone on appeals (citizen_phone);
create index ix_appeals_category_id on appeals (category_id);
create index ix_appeal_co_units_unit_id on appeal_co_units (unit_id);
create index ix_timeline_entries_appeal_id on timeline_entries (appeal_id);
create index ix_attachments_appeal_id on attachments (appeal_id);
create index ix_units_path on units (path);
create index ix_units_parent_id on units (parent_id);
create index ix_access_log_appeal_id on access_log (appeal_id);
