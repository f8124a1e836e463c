"""A covering index on foi's requests for the yearly report's section 三 (GROUP BY applicant
type and outcome over one body's requests by receipt and reply dates; bench/report.py).

Created from the reports app because foi's migrations belong to foi; the same SQL works on
SQLite and PostgreSQL.
"""

from django.db import migrations

INDEX = "reports_foi_request_section3"


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("foi", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            sql=(
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON foi_request "
                "(organisation_id, received_on, replied_on, applicant_type, outcome)"
            ),
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
