"""The WSGI entry point gunicorn serves: `radpair.wsgi:app`."""

from radpair.app import create_app

app = create_app()
