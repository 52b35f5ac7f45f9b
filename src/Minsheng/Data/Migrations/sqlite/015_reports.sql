-- 015: weekly reports (周报) and special reports (专报) of a jurisdiction. The figures are computed once and kept as
-- JSON (a report says what was true when it was written); the text sections are the analyst's to edit until the
-- report is issued to the jurisdiction's leaders. schedule_key is set for the weekly draft of an ISO week
-- ("W:<jurisdiction>:<2026-W47>"): unique, so however many instances run the Monday job there is one per week.

create table reports (
    id integer primary key autoincrement,
    kind text not null,
    status text not null,
    jurisdiction_id integer not null references units(id),
    period_from text not null,
    period_to text not null,
    iso_week text,
    schedule_key text unique,
    title text not null,
    focus text,
    topic text,
    related_appeal_ids text not null,
    figures_json text not null,
    summary text not null,
    analysis text not null,
    suggestions text not null,
    created_at integer not null,
    created_by text not null,
    updated_at integer not null,
    updated_by text not null,
    issued_at integer,
    issued_by text,
    version integer not null
);

create index ix_reports_jurisdiction on reports(jurisdiction_id, period_to);
