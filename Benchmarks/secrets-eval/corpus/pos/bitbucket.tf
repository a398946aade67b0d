  token = "ATBBxnTSTJmyDBuIKKiHErcbx3cU76cEorTI"
