"""Development only: the demo municipality, the scale data for benchmarks and
a simulated phone system.

Installed as the app ``devdata`` when ``KCC_DEVDATA`` is on (by default
everywhere but production), for ``manage.py demo_data``, ``schaaldata`` and
``telefonie_simuleren``. It may use every building block; none may use it
(the architecture test checks both). Data lives here as data: the catalogue
in the export format its importer reads (``catalogus.json``), the demo
residents in the person register's own answer format (``brp.json``).
"""
