key = "bkua_3b9bd7aa071ea403305bb6d1c696ed95f7b6972d"
