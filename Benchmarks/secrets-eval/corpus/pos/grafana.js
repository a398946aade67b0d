const credential = 'glsa_Kr26DYKaNPnhCkJKiSwJQDX2iW8Kgtgw_d2a6e828';
