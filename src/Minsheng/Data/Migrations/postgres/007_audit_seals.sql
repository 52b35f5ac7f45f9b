-- 007: timeline entries are sealed by the audit chain (Features/Audit/RecordSeal.cs), so like the audit and
-- access logs they are append-only: the database refuses edits and deletions.
create trigger timeline_entries_append_only before update or delete on timeline_entries
    for each row execute function refuse_log_change();
-- Start-up looks for the key switch entry (audit.key) on every start.
create index ix_audit_log_action on audit_log (action);
