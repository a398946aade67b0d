token = "21314a5b6d2e1da4fbc4011ef43c5959-us14"
