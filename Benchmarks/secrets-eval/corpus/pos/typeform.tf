  auth = "tfp_CygcqWc9NACHAcvLk2010f2tUd-9RsZIcD-y6z3-aSJZF2LxtTSE-iHDheR"
