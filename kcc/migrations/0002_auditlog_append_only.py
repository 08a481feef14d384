# On PostgreSQL the database itself refuses to change or delete audit log
# rows, so not even raw SQL from the application can rewrite history.
from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION kcc_auditlog_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'kcc_auditlogentry is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER kcc_auditlog_no_update_delete
    BEFORE UPDATE OR DELETE ON kcc_auditlogentry
    FOR EACH ROW EXECUTE FUNCTION kcc_auditlog_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS kcc_auditlog_no_update_delete ON kcc_auditlogentry;
DROP FUNCTION IF EXISTS kcc_auditlog_append_only();
"""


def forward(apps, schema_editor):
    schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("kcc", "0001_initial")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
