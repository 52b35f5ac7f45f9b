-- 023: index paths for the near-duplicate candidates at intake and the monitor's daily digest (measured with
-- bench/scale.sh; see docs/scaling.md).

-- Candidates are the newest open appeals (any age) and the newest closed in the last 30 days, within the caller's
-- scope; the digest asks it for the open high-level (tier) appeals. Each is one range of this index, newest first;
-- the id, the scope's columns, the version and the tier ride along, so an index-only scan answers without visiting
-- the table (the walk back through the created_at index read ~25,000 table rows at 1,000,000 appeals to find a
-- county's 3,000; without the id in the index PostgreSQL does not take this one at all).
create index ix_appeals_status_created on appeals (status, created_at)
    include (id, jurisdiction_id, region_unit_id, lead_unit_id, version, tier);
