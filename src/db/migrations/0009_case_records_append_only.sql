-- A4, J9, I4: a plan's history, case notes and what was said in a case conference are records of what
-- happened. They are added to, never rewritten or removed, whatever code path tries (as for the audit
-- trail and the CA notes). Consent removal (C3) destroys the client's data key, which makes the sealed
-- bodies unreadable without touching these rows.
CREATE OR REPLACE FUNCTION case_records_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '%: % is append-only', TG_ARGV[0], TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plan_events_append_only BEFORE UPDATE OR DELETE ON plan_events
  FOR EACH ROW EXECUTE FUNCTION case_records_refuse_change('A4');
--> statement-breakpoint
CREATE TRIGGER plan_events_no_truncate BEFORE TRUNCATE ON plan_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_records_refuse_change('A4');
--> statement-breakpoint
CREATE TRIGGER case_notes_append_only BEFORE UPDATE OR DELETE ON case_notes
  FOR EACH ROW EXECUTE FUNCTION case_records_refuse_change('J9');
--> statement-breakpoint
CREATE TRIGGER case_notes_no_truncate BEFORE TRUNCATE ON case_notes
  FOR EACH STATEMENT EXECUTE FUNCTION case_records_refuse_change('J9');
--> statement-breakpoint
CREATE TRIGGER case_conference_messages_append_only BEFORE UPDATE OR DELETE ON case_conference_messages
  FOR EACH ROW EXECUTE FUNCTION case_records_refuse_change('I4');
--> statement-breakpoint
CREATE TRIGGER case_conference_messages_no_truncate BEFORE TRUNCATE ON case_conference_messages
  FOR EACH STATEMENT EXECUTE FUNCTION case_records_refuse_change('I4');
--> statement-breakpoint
CREATE TRIGGER icm_events_append_only BEFORE UPDATE OR DELETE ON icm_events
  FOR EACH ROW EXECUTE FUNCTION case_records_refuse_change('I4');
--> statement-breakpoint
CREATE TRIGGER icm_events_no_truncate BEFORE TRUNCATE ON icm_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_records_refuse_change('I4');
