const value = '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';
