Set api_key in the settings page; never commit it to the repository.

The token bucket algorithm limits the request rate per client.

Rotate the password every ninety days and keep the secret in the vault.

Set api_key in the settings page; never commit it to the repository.

The token bucket algorithm limits the request rate per client.

Rotate the password every ninety days and keep the secret in the vault.

Set api_key in the settings page; never commit it to the repository.
