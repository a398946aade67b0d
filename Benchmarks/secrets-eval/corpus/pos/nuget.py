auth = "oy2iwg2mqb7fq8eg660c55vmh9aelm3hr7gkyzs5fda1mz"
