-- 007: timeline entries are sealed by the audit chain (Features/Audit/RecordSeal.cs), so like the audit and
-- access logs they are append-only: the database refuses edits and deletions.
create trigger timeline_entries_no_update before update on timeline_entries
begin select raise(abort, 'timeline_entries is append-only'); end;
create trigger timeline_entries_no_delete before delete on timeline_entries
begin select raise(abort, 'timeline_entries is append-only'); end;
-- Start-up looks for the key switch entry (audit.key) on every start.
create index ix_audit_log_action on audit_log (action);
