const token = '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';
