-- 010: jurisdictions (辖区). An appeal belongs to the county or city whose desk owns it; knowledge articles
-- belong to a jurisdiction or (null) to the whole deployment. Existing rows belong to the first root unit:
-- deployments before this migration held a single county.

alter table appeals add column jurisdiction_id integer references units(id);
update appeals set jurisdiction_id = (select min(id) from units where parent_id is null);
create index ix_appeals_jurisdiction_id on appeals (jurisdiction_id);

alter table knowledge_articles add column unit_id integer references units(id);
