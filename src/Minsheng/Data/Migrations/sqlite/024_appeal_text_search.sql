-- 024: the appeal list's text search through an index of character bigrams (Features/Appeals/AppealTextSearch.cs).
-- Each appeal's title and content become their overlapping two-character grams plus their last character, written
-- space-separated into a contentless FTS5 table (one row per appeal, rowid = appeal id). FTS5's ascii tokenizer keeps
-- every non-ASCII character and ASCII letters and digits, so a gram is at most one token and the query side can mirror
-- the tokenizer exactly. detail=none: no positions are needed (each gram is queried on its own), which keeps it small.

create virtual table appeal_search using fts5(grams, content = '', detail = none, columnsize = 0, tokenize = 'ascii');

-- SQLite has no generate_series and triggers may not use a recursive CTE: positions 1..100,000 to cut texts into
-- grams (titles are at most 100 characters and contents 5,000, AppealDraft).
create table appeal_search_positions (n integer primary key);
insert into appeal_search_positions (n)
    with recursive s(n) as (select 1 union all select n + 1 from s where n < 100000) select n from s;

create trigger appeals_search_insert after insert on appeals begin
    insert into appeal_search (rowid, grams) values (new.id,
        coalesce((select group_concat(substr(new.title, n, 2), ' ') from appeal_search_positions where n <= length(new.title)), '') || ' ' ||
        coalesce((select group_concat(substr(new.content, n, 2), ' ') from appeal_search_positions where n <= length(new.content)), ''));
end;

-- A contentless table forgets a row only when given the exact text it indexed: recomputed from the old values.
create trigger appeals_search_delete after delete on appeals begin
    insert into appeal_search (appeal_search, rowid, grams) values ('delete', old.id,
        coalesce((select group_concat(substr(old.title, n, 2), ' ') from appeal_search_positions where n <= length(old.title)), '') || ' ' ||
        coalesce((select group_concat(substr(old.content, n, 2), ' ') from appeal_search_positions where n <= length(old.content)), ''));
end;

create trigger appeals_search_update after update of title, content on appeals begin
    insert into appeal_search (appeal_search, rowid, grams) values ('delete', old.id,
        coalesce((select group_concat(substr(old.title, n, 2), ' ') from appeal_search_positions where n <= length(old.title)), '') || ' ' ||
        coalesce((select group_concat(substr(old.content, n, 2), ' ') from appeal_search_positions where n <= length(old.content)), ''));
    insert into appeal_search (rowid, grams) values (new.id,
        coalesce((select group_concat(substr(new.title, n, 2), ' ') from appeal_search_positions where n <= length(new.title)), '') || ' ' ||
        coalesce((select group_concat(substr(new.content, n, 2), ' ') from appeal_search_positions where n <= length(new.content)), ''));
end;

-- The appeals already there.
insert into appeal_search (rowid, grams)
select id,
    coalesce((select group_concat(substr(a.title, n, 2), ' ') from appeal_search_positions where n <= length(a.title)), '') || ' ' ||
    coalesce((select group_concat(substr(a.content, n, 2), ' ') from appeal_search_positions where n <= length(a.content)), '')
from appeals a;
