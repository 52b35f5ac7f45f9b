-- 023: index paths for the near-duplicate candidates at intake and the monitor's daily digest (measured with
-- bench/scale.sh; see docs/scaling.md).

-- Candidates are the newest open appeals (any age) and the newest closed in the last 30 days, within the caller's
-- scope; the digest asks it for the open high-level (tier) appeals. Each is one range of this index, newest first;
-- the scope's columns, the version and the tier are part of it, so SQLite answers from the index alone.
create index ix_appeals_status_created on appeals (status, created_at, jurisdiction_id, region_unit_id, lead_unit_id, version, tier);

-- As in 019: a new index without statistics is taken for highly selective; refresh them (nothing on an empty database).
analyze appeals;
