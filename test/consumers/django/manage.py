#!/usr/bin/env python3
"""Django's manage.py for the consumer test (test/integration/consumer-django.test.ts)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lightwave_consumer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
