import os

from django.core.wsgi import get_wsgi_application

from gongkai import home

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
home.prepare()
application = get_wsgi_application()
