key = "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"
