-- 018: daily facts behind the dashboard overview (Features/Statistics/Facts). One row per China registration day
-- (days since 1970-01-01) and the dimensions the overview groups or scopes by, holding the counts of its rates.
-- Rebuilt from appeals; a day is used only while it is built, has no dirty mark and no sign-for deadline of its
-- appeals has passed since it was built (stale_at).

create table appeal_day_facts (
    day integer not null,
    jurisdiction_id integer,
    region_unit_id integer,
    lead_unit_id integer,
    category_id integer,
    channel text not null,
    type text not null,
    received integer not null,
    closed integer not null,
    on_time_closed integer not null,
    sign_for_decided integer not null,
    signed_on_time integer not null,
    resolved_recorded integer not null,
    resolved_yes integer not null,
    reached integer not null,
    satisfied integer not null
);
create index ix_appeal_day_facts_day on appeal_day_facts (day);

-- Which days the facts hold, when they were built, and the earliest sign-for deadline still pending then.
create table fact_days (
    day integer primary key,
    built_at integer not null,
    stale_at integer
);

-- Appended in the same transaction as any change to an appeal that alters a figure; deleted by the rebuild
-- that read them. Append-only, so concurrent writers never conflict.
create table fact_dirty_marks (
    id integer primary key autoincrement,
    day integer not null
);
create index ix_fact_dirty_marks_day on fact_dirty_marks (day);
