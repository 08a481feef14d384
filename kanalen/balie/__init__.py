"""The counter (balie): appointments, the kiosk, calling tickets at a desk."""
