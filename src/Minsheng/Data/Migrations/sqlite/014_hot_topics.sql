-- 014: hot topics (热点问题) per jurisdiction and period, the analysts' edits that outlive recomputation, and
-- 我也遇到 on published portal cases. Topics are derived data: a recomputation rewrites them; the edits are the
-- analysts' own work and are never rewritten, only re-attached (their anchors follow the topic they matched).

-- One row per jurisdiction × period length: when it was last computed and what the source looked like then, so the
-- background pass recomputes only jurisdictions whose appeals (or supporters) changed since.
create table hot_topic_runs (
    jurisdiction_id integer not null references units(id),
    days integer not null,
    period_start integer not null,
    period_end integer not null,
    computed_at integer not null,
    source_mark integer not null,
    source_count integer not null,
    documents integer not null,
    primary key (jurisdiction_id, days)
);

create table hot_topics (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    days integer not null,
    rank integer not null,
    title text not null,
    generated_title text not null,
    key_phrases text not null,
    places text not null,
    first_at integer not null,
    last_at integer not null,
    appeals integer not null,
    people integer not null,
    supporters integer not null,
    previous_appeals integer not null,
    active_days integer not null,
    heat real not null,
    heat_volume real not null,
    heat_people real not null,
    heat_support real not null,
    heat_recency real not null,
    heat_persistence real not null,
    daily text not null,
    pinned integer not null default 0,
    dismissed integer not null default 0,
    reshaped integer not null default 0,
    computed_at integer not null
);

create index ix_hot_topics_scope on hot_topics (jurisdiction_id, days, rank);

create table hot_topic_members (
    topic_id integer not null references hot_topics(id) on delete cascade,
    appeal_id integer not null references appeals(id),
    primary key (topic_id, appeal_id)
);

create index ix_hot_topic_members_appeal_id on hot_topic_members (appeal_id);

-- anchor: the appeal ids of the topic the edit was made on (JSON array), refreshed at every recomputation to the
-- members of the topic it re-attached to; other: the merged topic's members, or the appeals split out.
create table hot_topic_edits (
    id integer primary key autoincrement,
    jurisdiction_id integer not null references units(id),
    days integer not null,
    kind text not null,
    anchor text not null,
    other text,
    value text,
    topic_id integer,
    attached integer not null default 1,
    created_at integer not null,
    created_by text not null,
    applied_at integer not null
);

create index ix_hot_topic_edits_scope on hot_topic_edits (jurisdiction_id, days, id);

-- The support an appeal has from people other than its author: 我也遇到 on its published case today, the likes of an
-- imported message-board row later. Documents for topic detection read their supporters from here.
create table appeal_supporters (
    appeal_id integer primary key references appeals(id),
    supporters integer not null,
    updated_at integer not null
);

-- One 我也遇到 per browser (a random id in a signed cookie) and case; address is a keyed hash of the visitor's
-- address, never the address itself, to cap how many one address may add to one case.
create table case_supports (
    id integer primary key autoincrement,
    published_case_id integer not null references published_cases(id) on delete cascade,
    supporter text not null,
    address text not null,
    created_at integer not null,
    unique (published_case_id, supporter)
);

create index ix_case_supports_address on case_supports (published_case_id, address);
