token = "glrt-IK3SXP8E2On_XA_mnRLK"

token = "glimt-FiWHISD2Gyo3giyqoxvU3wS7J"

key = "GR1348941fsunuhMUro6Gv7zSEiwl"
