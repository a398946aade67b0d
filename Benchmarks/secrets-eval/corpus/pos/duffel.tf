  key = "duffel_live_gjx0YMjKKtJX1foiWUgf7hoHCIZ0-CV9rjdhhQdvVzR"
