-- 016: 《民意参考》 issues with their items, and leaders' instructions (批示) tracked as 交办 tasks (sqlite).
-- A bulletin gets its number (第 N 期) when issued, counted per jurisdiction and calendar year (China time); the unique
-- index refuses a second issue with the same number. Items keep the figures and quotes as they were when drafted:
-- the issued document must not change when the appeals behind it do.

create table bulletins (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    status text not null,
    year integer,
    number integer,
    issuing_office text not null,
    author_id integer not null,
    author_name text not null,
    created_at integer not null,
    reviewed_by_id integer,
    reviewed_by text,
    reviewed_at integer,
    issued_by text,
    issued_at integer,
    version integer not null
);
create unique index ux_bulletins_number on bulletins (jurisdiction_id, year, number);

create table bulletin_items (
    id integer primary key autoincrement,
    bulletin_id integer not null references bulletins(id),
    position integer not null,
    title text not null,
    problem text not null,
    people_count integer not null,
    appeal_count integer not null,
    voices text not null,
    handling text not null,
    recommendation text not null,
    source_appeal_ids text not null,
    topic_ref text,
    created_at integer not null
);
create index ix_bulletin_items_bulletin on bulletin_items (bulletin_id, position);

create table instructions (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    target_kind text not null,
    target_ref text not null,
    target_title text not null,
    bulletin_item_id integer references bulletin_items(id),
    appeal_id integer references appeals(id),
    text text not null,
    leader_id integer not null,
    leader_name text not null,
    lead_unit_id integer not null references units(id),
    co_unit_ids text not null,
    due_at integer not null,
    round integer not null,
    status text not null,
    report_outcome text,
    report_text text,
    plan_text text,
    review_on text,
    reported_at integer,
    reported_by text,
    closed_at integer,
    created_at integer not null,
    version integer not null
);
-- The monitor reads the open tasks; the unit page those of one unit.
create index ix_instructions_status on instructions (status, due_at);
create index ix_instructions_lead_unit on instructions (lead_unit_id);

create table instruction_events (
    id integer primary key autoincrement,
    instruction_id integer not null references instructions(id),
    kind text not null,
    actor text not null,
    text text,
    at integer not null
);
create index ix_instruction_events_instruction on instruction_events (instruction_id);
