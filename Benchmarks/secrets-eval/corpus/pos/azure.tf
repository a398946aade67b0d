  token = "Lh33Q~YfkafF4JWokyTGYnElzBZgUc9jJ5Uqyh2E"
