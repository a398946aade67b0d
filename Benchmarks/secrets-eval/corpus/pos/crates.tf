  value = "cioxAQfAHaMA2PGknw6izBUCEtfDsmshsxI"
