  token = "sq0csp-cxoE2XFi_kWAahpJzP0He11pukuOK1VVtMGh74pgBcS"
