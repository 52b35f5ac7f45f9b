-- 019: indexes for a city's volume (measured with bench/scale.sh at 1,000,000 appeals; see docs/scaling.md).

-- Ledger and unit queues: a unit's appeals by dispatch time.
create index ix_appeals_lead_unit_dispatched on appeals (lead_unit_id, dispatched_at);
-- A county's lists and statistics: the jurisdiction's appeals newest first.
create index ix_appeals_jurisdiction_created on appeals (jurisdiction_id, created_at);
-- The hot-topic pass asks "did anything change since the last run?" of the newest updates only.
create index ix_appeals_updated_at on appeals (updated_at);

-- Text search (title/content LIKE '%term%') through trigram indexes where pg_trgm can be installed (Debian ships it
-- in postgresql-contrib). Where the extension is missing or may not be created by this role the migration still
-- succeeds: search then reads the table as before, only slower. The block runs in its own subtransaction.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        create extension if not exists pg_trgm;
        create index ix_appeals_title_trgm on appeals using gin (title gin_trgm_ops);
        create index ix_appeals_content_trgm on appeals using gin (content gin_trgm_ops);
    else
        raise notice 'pg_trgm is not available: appeal text search will scan without a trigram index';
    end if;
exception when others then
    raise notice 'pg_trgm could not be set up (%): appeal text search will scan without a trigram index', sqlerrm;
end
$$;
