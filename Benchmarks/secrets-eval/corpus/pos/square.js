const key = 'sq0csp-N12rPssYDVZp6SDwKhRbEX6w1y2p8xRb1B0qbqX2nsr';
