-- 017: 每月一题 (a jurisdiction's priority problem of the month: lead unit, measures, milestones, progress, result) and
-- 未诉先办 (seasonal work scheduled before the appeals come, reminded to the lead unit once a year).

create table monthly_priorities (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    month text not null,
    title text not null,
    problem text not null,
    key_phrases text not null,
    place text,
    lead_unit_id integer not null references units(id),
    measures text not null,
    status text not null,
    result text,
    completed_at integer,
    published_at integer,
    created_by text not null,
    created_at integer not null
);
-- One priority per month per jurisdiction: that is what 每月一题 means.
create unique index ux_monthly_priorities_month on monthly_priorities (jurisdiction_id, month);

create table priority_milestones (
    id integer primary key autoincrement,
    priority_id integer not null references monthly_priorities(id),
    title text not null,
    due_on text not null,
    done_at integer,
    done_note text
);
create index ix_priority_milestones_priority on priority_milestones (priority_id);

create table priority_progress (
    id integer primary key autoincrement,
    priority_id integer not null references monthly_priorities(id),
    text text not null,
    unit_id integer references units(id),
    reported_by text not null,
    reported_at integer not null
);
create index ix_priority_progress_priority on priority_progress (priority_id);

create table proactive_plans (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    title text not null,
    measures text not null,
    key_phrases text not null,
    lead_unit_id integer not null references units(id),
    season_month integer not null,
    season_day integer not null,
    remind_days_before integer not null,
    active integer not null,
    last_reminded_year integer,
    created_by text not null,
    created_at integer not null
);
