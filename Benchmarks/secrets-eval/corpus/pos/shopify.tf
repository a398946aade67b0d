  token = "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"
