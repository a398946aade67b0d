  token = "waka_5a1e4600-6f68-4124-ac12-dc787f13ac07"
