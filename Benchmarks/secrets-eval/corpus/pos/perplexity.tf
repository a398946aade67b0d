  value = "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"
