const token = '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';
