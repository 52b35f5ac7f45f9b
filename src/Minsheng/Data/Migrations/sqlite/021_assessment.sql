-- 021: 考核 — assessment schemes per jurisdiction, the monthly cycle (draft → contest window → rulings → frozen →
-- published) with its stored score rows (the frozen snapshot), score appeals (申诉) and declared force majeure.

create table assessment_schemes (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    scheme_json text not null,
    updated_by text not null,
    updated_at integer not null
);
create unique index ux_assessment_schemes_jurisdiction on assessment_schemes (jurisdiction_id);

create table assessment_periods (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    month text not null,
    status text not null,
    contest_until text,
    scheme_json text not null,
    computed_at integer not null,
    frozen_at integer,
    frozen_by text,
    published_at integer,
    published_by text,
    created_at integer not null,
    version integer not null
);
-- One assessment per month per jurisdiction: the hourly job and a second instance cannot draft it twice.
create unique index ux_assessment_periods_month on assessment_periods (jurisdiction_id, month);

-- The scores of a period: rewritten while the month is open, never after it is frozen.
create table assessment_rows (
    id integer primary key autoincrement,
    period_id integer not null references assessment_periods(id),
    unit_id integer not null references units(id),
    unit_name text not null,
    group_name text not null,
    rank integer,
    group_size integer not null,
    score real,
    rate_part real,
    deductions real not null,
    bonus real not null,
    received integer not null,
    detail_json text not null
);
create unique index ux_assessment_rows_unit on assessment_rows (period_id, unit_id);

create table score_appeals (
    id integer primary key autoincrement,
    period_id integer not null references assessment_periods(id),
    unit_id integer not null references units(id),
    item_key text not null,
    item_label text not null,
    reason text not null,
    evidence_text text,
    evidence_file_name text,
    evidence_content_type text,
    evidence_file blob,
    status text not null,
    ruling text,
    ruled_by text,
    ruled_at integer,
    filed_by text not null,
    filed_at integer not null
);
-- A unit contests an item once per month.
create unique index ux_score_appeals_item on score_appeals (period_id, unit_id, item_key);
create index ix_score_appeals_status on score_appeals (period_id, status);

create table force_majeure (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    from_date text not null,
    to_date text not null,
    unit_ids text not null,
    reason text not null,
    declared_by text not null,
    declared_at integer not null
);
create index ix_force_majeure_jurisdiction on force_majeure (jurisdiction_id, from_date);
