  value = "lin_api_dFgOuzQCIZvzghwsnvZtDyM2bHhC5zbL2YxwFu4G"
