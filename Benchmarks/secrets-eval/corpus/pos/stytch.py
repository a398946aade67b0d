key = "secret-live-MIL_dW-YpiXI0nCJd6e0nkjd25R3VVKu_93k"
