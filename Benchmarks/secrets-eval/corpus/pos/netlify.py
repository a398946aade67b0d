value = "nfp_tn9gyMNDpNyYqenEldjVdVBmdWWKIjyvtFR7"
