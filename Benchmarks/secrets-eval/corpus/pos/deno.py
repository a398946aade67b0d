credential = "ddp_3PdoIR1cDBmse9Hqjqa4zFeRJ2thOYjhwFzN"
