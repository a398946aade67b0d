credential = "glc_KfQzJuwuAxBUWoUajFt9XMwp+7dURxXjySngIUkQZ8TEcht+H7xGJ6Z/suhY"
