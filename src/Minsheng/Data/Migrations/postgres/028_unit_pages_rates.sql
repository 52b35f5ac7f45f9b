-- 028: the unit-filtered list page and the ranking boards at a city's volume (bench: unit filter p5, ranking month).

-- The appeals a unit leads, newest first: the unit filter's led branch reads its newest rows straight from this index
-- (UnitFilter), where the lead_unit_id index alone made the page sort the unit's every row. The scope's other two
-- columns ride along, so the scope check of the bounded count needs no visit to the table. It serves every lookup the
-- lead_unit_id index served, so that one goes.
create index ix_appeals_lead_unit_created on appeals (lead_unit_id, created_at, id) include (jurisdiction_id, region_unit_id);
drop index ix_appeals_lead_unit_id;

-- The rates of a stored score row on their own: the boards and the ranking show the rates, not the thousands of
-- items detail_json also holds (megabytes across a county's month). Filled here from detail_json for the rows that
-- exist, frozen ones included: the same rates, taken from the same snapshot text (json's -> returns the stored text
-- of the field, unchanged); the application writes both from now on.
alter table assessment_rows add column rates_json text;
update assessment_rows set rates_json = (detail_json::json -> 'rates')::text where detail_json <> '';

analyze appeals;
