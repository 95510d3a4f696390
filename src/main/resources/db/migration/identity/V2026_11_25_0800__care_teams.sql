-- The practice clinicians on each patient's care team. patient_id refers to the patients module by ID
-- only (no cross-module foreign key); added_by keeps who put the clinician on the team.
CREATE TABLE care_team_member (
    patient_id bigint NOT NULL,
    user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    added_by   bigint REFERENCES app_user (id) ON DELETE SET NULL,
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (patient_id, user_id)
);
CREATE INDEX care_team_member_user_idx ON care_team_member (user_id);
