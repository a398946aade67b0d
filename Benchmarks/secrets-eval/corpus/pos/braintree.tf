  token = "access_token$production$u6tkgcnn58j2l3kp$607dd76a118b89a473d3675e8e7d2aa9"
