  credential = "pat-na1-0f3ece74-fcfa-4548-a1e4-66fc9f25a42f"
