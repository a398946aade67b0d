  token = "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"
