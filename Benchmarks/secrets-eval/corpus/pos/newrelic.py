token = "NRII-kVduxAW6xz7MuAsYrTziB5L8Yd97X3YX"
