-- 002: the audit and access logs are append-only; the database itself refuses edits and deletions.
create trigger audit_log_no_update before update on audit_log
begin select raise(abort, 'audit_log is append-only'); end;
create trigger audit_log_no_delete before delete on audit_log
begin select raise(abort, 'audit_log is append-only'); end;
create trigger access_log_no_update before update on access_log
begin select raise(abort, 'access_log is append-only'); end;
create trigger access_log_no_delete before delete on access_log
begin select raise(abort, 'access_log is append-only'); end;
