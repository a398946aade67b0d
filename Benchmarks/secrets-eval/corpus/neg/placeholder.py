GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

password: <your-password>

DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app

Authorization: Bearer $TOKEN

password = getpass.getpass()

PASSWORD_MIN_LENGTH = 12

sk_test_ prefixes are for test mode
