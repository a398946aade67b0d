  key = "pscale_pw_cCuQi9lhex0fyYQoBVZk3gl68zDHqu0w972qR6_pyAA"
