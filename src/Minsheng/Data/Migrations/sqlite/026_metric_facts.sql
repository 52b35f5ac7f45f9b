-- 026: the metrics table's facts (Features/Statistics/MetricFacts). Per China decision day, measure (the stored name of
-- each Measure; 收件量 reads 退单率's rows), part of the measure (MetricQueries.Parts, so two parts never collide),
-- dimension ('unit', 'town', 'cat', 'chan') and scope (the counting unit's jurisdiction, UnitTree.JurisdictionOf): the
-- items' count n and hits. Keys: the counting unit ('unit'), the township of the appeal's place ('town'; -1 a place
-- under no township, 0 none), the leaf category ('cat'; 0 none) and the Channel's number ('chan').
create table metric_facts (
    measure text not null,
    dim text not null,
    scope_id integer not null,
    day integer not null,
    key_id integer not null,
    part integer not null,
    n integer not null,
    hits integer not null,
    -- A measure in one dimension over a period is one range of the key (holding every scope's rows of those days: a
    -- handful of jurisdictions). Day before scope: the rebuild deletes days by (measure, dim, day) ranges of it too.
    primary key (measure, dim, day, scope_id, key_id, part)
) without rowid;
-- No index on day alone: a planner may take it for a read of 30 days and go through every measure's rows of them.

-- Every unit's scope (its jurisdiction) and township (-1: none above it), as the facts were built with.
create table metric_unit_map (
    unit_id integer primary key,
    scope_id integer not null,
    township_id integer not null
);

-- The fingerprint of metric_unit_map: a different tree sends every read live until rebuilt.
create table metric_fact_meta (
    id integer primary key,
    fingerprint text not null
);

-- Which days the facts hold, and the instant a pending deadline may move an overdue item off the day.
create table metric_fact_days (
    day integer primary key,
    built_at integer not null,
    stale_at integer
);

-- Appended in the same transaction as any change that may move or alter an item; deleted by the rebuild that read them.
create table metric_dirty_marks (
    id integer primary key autoincrement,
    day integer not null
);
create index ix_metric_dirty_marks_day on metric_dirty_marks (day);

-- The live reads of today (and of days awaiting a rebuild) ask for the orders issued in a few hours: by time, not by
-- reading every 督办单 ever issued.
create index ix_notifications_kind_created on notifications (kind, created_at);
create index ix_supervision_orders_created_at on supervision_orders (created_at);
