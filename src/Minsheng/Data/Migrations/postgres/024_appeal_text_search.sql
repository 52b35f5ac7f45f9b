-- 024: the appeal list's text search through an index of character bigrams (Features/Appeals/AppealTextSearch.cs).
-- pg_trgm (019) serves terms of three or more characters only; most Chinese searches are two (噪音, 物业), which read
-- the whole table. Each appeal's title and content become the set of their overlapping two-character grams plus their
-- last character, stored as tsvector lexemes by array_to_tsvector (no text-search parser touches them, so every
-- character, punctuation and case included, stays exactly as typed). A term of n >= 2 characters needs all of its
-- grams; a one-character term is a prefix query. The query rechecks the term itself, so matches stay exact.

-- string_to_array(t, null) splits into characters in one pass; pairing the array with itself shifted by one gives
-- the grams in linear time (substr(t, i, 2) per position is quadratic on UTF-8: five times slower measured).
create function appeal_search_vector(title text, content text) returns tsvector
    language sql immutable parallel safe
as $$
    select array_to_tsvector(array(
        select a || coalesce(b, '')
        from unnest(array[title, content]) t, string_to_array(t, null) c, unnest(c, c[2:]) u(a, b)))
$$;

-- The index is an expression index, so COPY loads and every insert or update keep it without a trigger.
create index ix_appeals_search on appeals using gin (appeal_search_vector(title, content));

-- Every LIKE/Contains on appeals' title or content is written with a parameter, which Npgsql sends as
-- strpos(column, @p) > 0 -- an expression pg_trgm cannot serve -- so the two trigram indexes were never used and cost
-- minutes to build and a GIN update on every insert. (The extension itself stays: dropping it could break other
-- objects a deployment made with it.)
drop index if exists ix_appeals_title_trgm;
drop index if exists ix_appeals_content_trgm;

analyze appeals;
