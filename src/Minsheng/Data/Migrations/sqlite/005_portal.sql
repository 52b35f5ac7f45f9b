-- 005: the public portal: photo bytes, citizens' ratings of answers, published (redacted) cases (sqlite).

-- The bytes behind attachments.storage_key, kept in the database so a backup holds everything.
create table attachment_blobs (
    storage_key text primary key,
    bytes blob not null
);

create table citizen_ratings (
    id integer primary key autoincrement,
    appeal_id integer not null unique references appeals(id) on delete cascade,
    rating text not null check (rating in ('Satisfied', 'BasicallySatisfied', 'Unsatisfied')),
    comment text,
    rated_at integer not null
);

-- A redacted copy made when a publicity officer publishes a closed appeal; deleting the row unpublishes it.
create table published_cases (
    id integer primary key autoincrement,
    appeal_id integer not null unique references appeals(id) on delete cascade,
    title text not null,
    content text not null,
    reply text not null,
    category_name text,
    unit_name text,
    received_at integer not null,
    replied_at integer,
    closed_at integer,
    published_at integer not null,
    published_by text not null
);

create index ix_published_cases_published_at on published_cases (published_at);
