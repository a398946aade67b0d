const credential = 'NRII-4Zq8Djj-6Y3wwPgxxP9k_uRHe6c7yGSi';
