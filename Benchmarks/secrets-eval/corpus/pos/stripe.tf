  credential = "sk_test_X7yDr8kDCYTCQx9hCoDkxeMK"
