  token = "squ_967a0bf0a6ec88f21d1f15bfb4df6e8976b10f2c"
