token = "amzn.mws.732678bc-7e65-4c2f-a9f1-e43a73b0e887"
