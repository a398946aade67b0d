  token = "dnkey-e021cjs4q7a5fnvl2ghn6huhln-d9pzkwvse1sbc51paqikbygu2rhu6iy6uel6pfiianhlt8bexyg6"
