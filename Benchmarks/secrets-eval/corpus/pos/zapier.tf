  auth = "https://hooks.zapier.com/hooks/catch/74768206/ou5pm6t/"
