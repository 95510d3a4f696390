-- The call pay as a number, so that a total-compensation estimate can include it; the existing
-- free-text call_pay keeps any conditions ("weekdays only").
ALTER TABLE job_posting ADD COLUMN call_pay_per_night integer CHECK (call_pay_per_night >= 0);
