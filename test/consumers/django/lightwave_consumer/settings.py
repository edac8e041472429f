"""
The database part of the Django paste-in of docs/application-contract.md, as an app team writes it. Debian
packages no django-environ next to python3-django, so `env_db` below does what `environ.Env().db()` does for these
URLs (NAME, USER, PASSWORD, HOST, PORT, the query string as OPTIONS); the cache is left out (Django 3.2 has no
RedisCache backend).
"""
import os
from urllib.parse import parse_qsl, unquote, urlsplit


def env_db(variable):
    url = urlsplit(os.environ[variable])
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(url.path[1:]),
        "USER": unquote(url.username or ""),
        "PASSWORD": unquote(url.password or ""),
        "HOST": url.hostname,
        "PORT": url.port,
        "OPTIONS": dict(parse_qsl(url.query)),
    }


SECRET_KEY = os.environ["SECRET_KEY"]
INSTALLED_APPS = ["catalog"]
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATABASES = {
    # web requests and Celery tasks: transaction pooling
    "default": {
        **env_db("DATABASE_URL"),
        "DISABLE_SERVER_SIDE_CURSORS": True,
        "CONN_MAX_AGE": int(os.environ["DB_CONN_MAX_AGE"]),
    },
    # `manage.py migrate --database session`, LISTEN consumers, REFRESH MATERIALIZED VIEW jobs
    "session": {**env_db("DATABASE_SESSION_URL"), "CONN_MAX_AGE": 0},
}
