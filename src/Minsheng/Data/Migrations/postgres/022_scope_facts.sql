-- 022: the dashboard's facts per scope (Features/Statistics/Facts/FactScopes.cs). The daily facts of 018 kept every
-- appeal's village, lead unit and leaf category, about one row per appeal at a city's density; these keep, per China
-- day and per scope that reads them (0: everything; a jurisdiction; a unit right under one), five small groupings:
-- per channel and type, per channel (trend), per category root, per township, per lead unit; and the same summed per
-- calendar month. Every day is rebuilt from the appeals.

drop table appeal_day_facts;
delete from fact_days;

create table appeal_scope_facts (
    day integer not null,
    scope_id bigint not null,
    dim text not null,
    channel text not null,
    type text not null,
    key_id bigint not null,
    received integer not null,
    closed integer not null,
    on_time_closed integer not null,
    sign_for_decided integer not null,
    signed_on_time integer not null,
    resolved_recorded integer not null,
    resolved_yes integer not null,
    reached integer not null,
    satisfied integer not null,
    -- A scope's grouping over a period is one range of the key.
    primary key (scope_id, dim, day, channel, type, key_id)
);
-- The rebuild replaces whole days and sums whole months (naming every dimension). Not an index on day alone: measured
-- at 1,000,000 appeals PostgreSQL took it for a dashboard's 30 days and read every scope's rows of them (495 ms).
create index ix_appeal_scope_facts_dim_day on appeal_scope_facts (dim, day);

-- For each unit, the served scopes whose subtree holds it (jurisdictional = 1: the scope also looks at the owner).
create table fact_scope_map (
    unit_id bigint not null,
    scope_id bigint not null,
    jurisdictional integer not null
);
create index ix_fact_scope_map_unit on fact_scope_map (unit_id);

-- Category → its root (dim 'cat'), place → its township (dim 'town').
create table fact_group_map (
    dim text not null,
    id bigint not null,
    group_id bigint not null,
    primary key (dim, id)
);

-- The fingerprint of the unit and category trees the maps and the stored facts were built from.
create table fact_meta (
    id integer primary key,
    fingerprint text not null
);

