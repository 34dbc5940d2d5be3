-- The admin API searches write_audit within one tenant, newest first (at, then id), by source
-- object, by CRM id, or by tenant alone; pages continue below the (at, id) of the last row seen.
-- Searches by record key use write_audit_record, by command id write_audit_command (V1).
create index write_audit_tenant_at on write_audit (tenant, at, id);
create index write_audit_source_object on write_audit (tenant, source_object_id, at, id);
create index write_audit_crm_id on write_audit (tenant, crm_id, at, id);
