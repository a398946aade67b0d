  key = "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"
