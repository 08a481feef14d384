from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Create the PostgreSQL database named in DATABASE_URL if it does not exist yet."

    def handle(self, *args, **options):
        import psycopg2
        from psycopg2 import sql

        params = connection.get_connection_params()
        name = params.pop("database", None) or params.pop("dbname")
        params["dbname"] = "postgres"
        conn = psycopg2.connect(**params)
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
                if cursor.fetchone() is None:
                    cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                    self.stdout.write(f"Created database {name}.")
        finally:
            conn.close()
