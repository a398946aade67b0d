auth = "r8_eDIm2NOftxghVHP4IowGET1GcHRK3UB5iTq4b"
