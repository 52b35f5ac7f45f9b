-- 012: the public portal's face per jurisdiction (辖区): the name it shows, its hotline and its footer, set by
-- that jurisdiction's admins. No row, or a null column, means the default: the unit's own name, 12345, the
-- standard footer. A single-county deployment needs no row at all.

create table portal_settings (
    unit_id integer primary key references units(id),
    display_name text,
    hotline text,
    footer text,
    updated_at integer not null,
    updated_by text not null
);
