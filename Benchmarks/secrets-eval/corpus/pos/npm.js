const value = 'npm_6avGvgQK45CYgcC1cisx2WC1BhNIbBnQg0BB';
