"""What the tests share besides fixtures: the sample library, test pipelines, Pilot waits, faults.

Fixtures live in conftest.py files; anything a test imports lives here.
"""
