  credential = "sk_live_TDN4UWsVss18ptg9ObWhEaS7"
