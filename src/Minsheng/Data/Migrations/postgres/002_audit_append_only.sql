-- 002: the audit and access logs are append-only; the database itself refuses edits and deletions.
create function refuse_log_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function refuse_log_change();
create trigger access_log_append_only before update or delete on access_log
    for each row execute function refuse_log_change();
