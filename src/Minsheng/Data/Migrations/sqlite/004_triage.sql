-- 004: triage models learned from this deployment's appeals, routing rules and the gazetteer (sqlite).

create table triage_models (
    id integer primary key autoincrement,
    kind text not null check (kind in ('category', 'type')),
    version integer not null,
    trained_at integer not null,
    train_count integer not null,
    cv_macro_f1 real,
    bytes blob not null,
    labels text not null,
    unique (kind, version)
);

create table routing_rules (
    id integer primary key autoincrement,
    category_id integer references categories(id),
    region_unit_id integer references units(id),
    unit_id integer not null references units(id),
    note text
);

create table gazetteer (
    id integer primary key autoincrement,
    alias text not null,
    unit_id integer not null references units(id),
    unique (alias, unit_id)
);

create index ix_routing_rules_unit_id on routing_rules (unit_id);
create index ix_gazetteer_unit_id on gazetteer (unit_id);
