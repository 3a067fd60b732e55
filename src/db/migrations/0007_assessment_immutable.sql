-- C11: a submitted Common Assessment can never be edited or deleted; cancelled (C9) and closed-in-error
-- ones are read-only forever too. The database refuses it whatever code path tries, as it does for
-- the audit trail. Two changes remain possible on a finished CA:
--   * submitted → closed_in_error, setting only the closed-in-error columns (an error found later);
--   * once, on a closed-in-error CA without one, the link to the CA that replaces it.
CREATE OR REPLACE FUNCTION assessments_refuse_change() RETURNS trigger AS $$
DECLARE
  closing text[] := ARRAY['status', 'closed_in_error_at', 'closed_in_error_by_user_id',
                          'closed_in_error_reason_sealed', 'replaced_by_assessment_id', 'updated_at'];
  linking text[] := ARRAY['replaced_by_assessment_id', 'updated_at'];
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'C11: a Common Assessment is never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'in_progress' THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'submitted' AND NEW.status = 'closed_in_error'
     AND (to_jsonb(NEW) - closing) = (to_jsonb(OLD) - closing) THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'closed_in_error' AND NEW.status = 'closed_in_error'
     AND OLD.replaced_by_assessment_id IS NULL
     AND (to_jsonb(NEW) - linking) = (to_jsonb(OLD) - linking) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'C11: a % Common Assessment cannot be changed', OLD.status
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessments_read_only_when_finished BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessments_no_truncate BEFORE TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION assessments_refuse_change();
--> statement-breakpoint
-- C7: the two-way notes are a record of what was said: added to, never rewritten.
CREATE OR REPLACE FUNCTION assessment_notes_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'assessment_notes are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessment_notes_no_change BEFORE UPDATE OR DELETE ON assessment_notes
  FOR EACH ROW EXECUTE FUNCTION assessment_notes_refuse_change();
