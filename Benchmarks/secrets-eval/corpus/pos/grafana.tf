  auth = "glsa_QmmgvXSw8IXOIIQE5nqrsICAeG3HgCDb_92953a85"
