-- Finding applications by criteria (submission's ApplicationSearch): the call's applications by
-- line and status (the officers' list and the home pages' counts per line and status), and the
-- newest first within a call.
CREATE INDEX sub_application_call_line_status ON sub_application (call_id, line_code, status);
CREATE INDEX sub_application_call_status ON sub_application (call_id, status, id);
