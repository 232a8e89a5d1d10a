"""Oozie actions as Airflow task groups: the work tasks of each backend, then `outcome`."""
