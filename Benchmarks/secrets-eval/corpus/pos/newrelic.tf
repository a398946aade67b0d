  credential = "7d84c25e07d68b7dbf02e7f780485779e229NRAL"
